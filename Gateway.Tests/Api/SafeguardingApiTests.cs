using System.Net.Http.Json;
using System.Text.Json;
using Buddy.Domain.Safeguarding;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Api;

/// <summary>The API says what the screens say: the tier, who is at risk, contact cautions and every reply behind an alert.</summary>
public sealed class SafeguardingApiTests
{
    private static readonly DateTime s_now = ApiWorld.Now.UtcDateTime;

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Alerts_CarryCautionsTierSubjectsAndEveryJoinedReply_TheLatestActivityFirst(DatabaseProvider provider)
    {
        await using var world = await ApiWorld.CreateAsync(provider);
        Alert older;
        await using (var db = world.CreateContext())
        {
            var alert = await db.Alerts.SingleAsync(a => a.Id == world.JoAlert.Id);
            alert.Caution = ContactCaution.PhoneMayBeRead | ContactCaution.DoNotCall;
            alert.Subjects = [RiskSubject.SenderFromOthers];
            alert.Concepts = ["strangulation"];
            db.AlertReplies.AddRange(
                new AlertReply
                {
                    AlertId = alert.Id, OrganisationId = alert.OrganisationId, ServiceUserId = alert.ServiceUserId, Level = RiskLevel.Review, Subject = RiskSubject.Sender,
                    Summary = "reply mentions old scars", ReceivedAtUtc = alert.CreatedAtUtc,
                },
                new AlertReply
                {
                    AlertId = alert.Id, OrganisationId = alert.OrganisationId, ServiceUserId = alert.ServiceUserId, Level = RiskLevel.High,
                    Subject = RiskSubject.SenderFromOthers, Caution = ContactCaution.PhoneMayBeRead | ContactCaution.DoNotCall, Concepts = ["strangulation"],
                    Summary = "reply mentions strangulation", MatchedPhrases = "hands round my neck", ReceivedAtUtc = alert.CreatedAtUtc.AddMinutes(30),
                });

            // Raised earlier but joined by a reply ten minutes ago: the latest activity, so it comes first.
            older = new Alert
            {
                OrganisationId = world.OrgA.Id, ServiceUserId = world.Jo.Id, Kind = AlertKind.Safeguarding, Severity = RiskLevel.Review, Subjects = [RiskSubject.ThirdParty],
                Summary = "Review: reply mentions a friend's self-harm", CreatedAtUtc = s_now.AddDays(-2), LatestReplyAtUtc = s_now.AddMinutes(-10),
            };
            db.Alerts.Add(older);
            await db.SaveChangesAsync();
        }

        var page = await world.Client(world.KeyA).GetFromJsonAsync<JsonElement>("/api/v1/alerts");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([older.Id, world.JoAlert.Id], items.Select(i => i.GetProperty("id").GetGuid()));
        var jo = items[1];
        Assert.Equal(["PhoneMayBeRead", "DoNotCall"], jo.GetProperty("contactCautions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("contactCautions", jo.EnumerateObject().Select(p => p.Name).SkipWhile(n => n is "id" or "serviceUserId").First());
        Assert.Equal("High", jo.GetProperty("severity").GetString());
        Assert.Equal(["SenderFromOthers"], jo.GetProperty("subjects").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["strangulation"], jo.GetProperty("concepts").EnumerateArray().Select(e => e.GetString()));
        var replies = jo.GetProperty("replies").EnumerateArray().ToList();
        Assert.Equal([("Review", "Sender"), ("High", "SenderFromOthers")], replies.Select(r => (r.GetProperty("severity").GetString(), r.GetProperty("subject").GetString())));
        Assert.Equal("hands round my neck", replies[1].GetProperty("matchedPhrases").GetString());
        Assert.Equal(["PhoneMayBeRead", "DoNotCall"], replies[1].GetProperty("contactCautions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(JsonValueKind.Null, jo.GetProperty("latestReplyAtUtc").ValueKind);
        Assert.Equal(["ThirdParty"], items[0].GetProperty("subjects").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(items[0].GetProperty("contactCautions").EnumerateArray());

        // The summary's open alerts carry the same, urgent first.
        var summary = await world.Client(world.KeyA).GetFromJsonAsync<JsonElement>($"/api/v1/service-users/{world.Jo.Id}/summary");
        var open = summary.GetProperty("openAlerts").EnumerateArray().ToList();
        Assert.Equal([world.JoAlert.Id, older.Id], open.Select(a => a.GetProperty("id").GetGuid()));
        Assert.Equal(2, open[0].GetProperty("replies").GetArrayLength());
    }

    [Fact]
    public async Task Entries_SayWhoIsAtRiskAtTheEntrysTier()
    {
        await using var world = await ApiWorld.CreateAsync();
        await using (var db = world.CreateContext())
        {
            await db.DiaryEntries.Where(e => e.ServiceUserId == world.Jo.Id && e.LocalDate == new DateOnly(2026, 11, 20))
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.RiskLevel, RiskLevel.High).SetProperty(e => e.RiskSubjects, [RiskSubject.SenderFromOthers]));
        }

        var entries = await world.Client(world.KeyA).GetFromJsonAsync<JsonElement>($"/api/v1/service-users/{world.Jo.Id}/entries?from=2026-11-19&to=2026-11-20");

        var byDate = entries.EnumerateArray().ToDictionary(e => e.GetProperty("localDate").GetString()!);
        Assert.Equal("High", byDate["2026-11-20"].GetProperty("riskLevel").GetString());
        Assert.Equal(["SenderFromOthers"], byDate["2026-11-20"].GetProperty("riskSubjects").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("None", 0), (byDate["2026-11-19"].GetProperty("riskLevel").GetString(), byDate["2026-11-19"].GetProperty("riskSubjects").GetArrayLength()));
    }

    [Fact]
    public async Task OpenApi_DescribesTheTiersWhoIsAtRiskAndContactCautions()
    {
        await using var world = await ApiWorld.CreateAsync();

        var document = await world.Client(null).GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var (schema, properties) in new[]
        {
            ("AlertResource", new[] { "contactCautions", "severity", "subjects", "concepts", "latestReplyAtUtc", "replies" }),
            ("AlertReplyResource", ["contactCautions", "severity", "subject", "summary"]),
            ("EntryResource", ["riskLevel", "riskSubjects"]),
        })
        {
            var described = schemas.GetProperty(schema);
            Assert.All(properties, p => Assert.True(described.GetProperty("properties").TryGetProperty(p, out _), $"{schema}.{p} is not described"));
            var description = described.GetProperty("description").GetString()!;
            Assert.Contains("SenderFromOthers", description, StringComparison.Ordinal);
            Assert.Contains("Review (a human should look; no crisis text)", description, StringComparison.Ordinal);
        }

        Assert.Contains("PhoneMayBeRead (someone else may read their phone)", schemas.GetProperty("AlertResource").GetProperty("description").GetString(), StringComparison.Ordinal);
        var list = document.GetProperty("paths").EnumerateObject().Single(p => p.Name.TrimEnd('/') == "/api/v1/alerts").Value.GetProperty("get");
        Assert.Contains("Read contactCautions first", list.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("contactCautions", document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
    }
}
