using System.Net;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Email;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// The whole path on the real executable: a signed Twilio webhook on /sms/inbound carrying a high-risk reply
/// produces the crisis text (sent through the outbox), the staff alerts, the email, the open alert and the audit event.
/// </summary>
public sealed class SafeguardingEndToEndTests
{
    private const string AuthToken = "e2e-twilio-auth-token";

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task HighRiskReply_ThroughSignedInboundWebhook_SendsCrisisTextAlertsStaffAndAudits(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var pickup = Path.Combine(Path.GetTempPath(), "buddy-tests", $"e2e-mail-{Guid.NewGuid():N}");
        var (organisation, user) = await SeedAsync(database);
        await using var twilio = await Sms.Twilio.FakeTwilio.StartAsync();
        await using var gateway = GatewayProcess.Start(
        [
            .. database.GatewaySettings(),
            new("Twilio:BaseUrl", twilio.BaseUrl.ToString()),
            new("Twilio:AuthToken", AuthToken),
            new("Email:Smtp:PickupDirectory", pickup),
            new("Email:Smtp:From", "buddy@example.org"),
            new("Scheduling:Enabled", "false"),
        ]);
        await gateway.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));

        var sid = $"SM{Guid.NewGuid():N}";
        var fields = new Dictionary<string, string>
        {
            ["MessageSid"] = sid,
            ["AccountSid"] = Sms.Twilio.FakeTwilio.AccountSid,
            ["From"] = user.PhoneE164!,
            ["To"] = "+447700900999",
            ["Body"] = "3 honestly i want to die, cant do this anymore",
        };
        var url = new Uri(gateway.BaseAddress, "/sms/inbound");
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(AuthToken, url.ToString(), fields));
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var inbound = await EventuallyAsync(database, db => db.InboundMessages.SingleOrDefaultAsync(m => m.ProviderMessageId == sid && m.State != InboundState.Received), gateway);
        Assert.Equal(InboundState.Processed, inbound.State);

        await using var check = database.CreateContext();
        var alert = await check.Alerts.SingleAsync(a => a.InboundMessageId == inbound.Id);
        Assert.Equal(RiskLevel.High, alert.Severity);
        Assert.True(alert.IsOpen);
        Assert.Contains("want to die", alert.MatchedPhrases, StringComparison.Ordinal);
        Assert.Equal(inbound.DiaryEntryId, alert.DiaryEntryId);

        var crisis = await check.OutboundMessages.SingleAsync(m => m.DedupeKey == $"crisis:{inbound.Id}");
        Assert.Equal(OutboundKind.Crisis, crisis.Kind);
        Assert.Equal(user.PhoneE164, crisis.ToPhone);
        Assert.Equal(organisation.CrisisMessage, crisis.Body);
        var staff = await check.OutboundMessages.Where(m => m.Kind == OutboundKind.SafeguardingAlert).Select(m => m.ToPhone).ToListAsync();
        Assert.Equal(["+447700900101", "+447700900102"], staff.Order(StringComparer.Ordinal));
        Assert.Equal("safeguarding.escalated", (await check.AuditEvents.SingleAsync(a => a.EntityId == alert.Id.ToString())).Action);

        var entry = await check.DiaryEntries.SingleAsync(e => e.Id == inbound.DiaryEntryId);
        Assert.Equal(3, entry.MoodScore);
        Assert.Equal(RiskLevel.High, entry.RiskLevel);
        Assert.Equal(CheckInStatus.Answered, (await check.CheckIns.SingleAsync()).Status);

        // The outbox dispatcher sends the crisis text (to Twilio's stand-in); the email dispatcher writes the email.
        var sent = await EventuallyAsync(database, db => db.OutboundMessages.SingleOrDefaultAsync(
            m => m.Id == crisis.Id && m.Status != OutboundStatus.Pending && m.Status != OutboundStatus.Sending), gateway);
        Assert.NotNull(sent.ProviderMessageId);
        Assert.Contains(twilio.Accepted, a => a.Sid == sent.ProviderMessageId && a.To == user.PhoneE164);
        var email = await EventuallyAsync(database, db => db.EmailMessages.SingleOrDefaultAsync(m => m.Status == EmailStatus.Sent), gateway);
        Assert.Equal("duty@example.org", email.ToAddress);
        Assert.Single(Directory.GetFiles(pickup, "*.eml"));
        Directory.Delete(pickup, recursive: true);
    }

    private static async Task<(Organisation Organisation, ServiceUser User)> SeedAsync(TestDatabase database)
    {
        var now = DateTime.UtcNow;
        var organisation = new Organisation
        {
            Name = "End-to-end service",
            DutyContactPhone = "+447700900102",
            DutyContactEmail = "duty@example.org",
            CreatedAtUtc = now,
        };
        var therapist = new StaffMember
        {
            OrganisationId = organisation.Id,
            DisplayName = "Therapist",
            Email = "therapist@example.org",
            Role = StaffRole.Therapist,
            AlertPhone = "+447700900101",
            CreatedAtUtc = now,
        };
        var user = new ServiceUser
        {
            OrganisationId = organisation.Id,
            DisplayName = "Alex Morgan",
            PhoneE164 = "+447700900555",
            TherapistId = therapist.Id,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        var checkIn = new CheckIn
        {
            OrganisationId = organisation.Id,
            ServiceUserId = user.Id,
            LocalDate = DateOnly.FromDateTime(now),
            DueAtUtc = now.AddHours(-1),
            SentAtUtc = now.AddHours(-1),
            Status = CheckInStatus.Sent,
        };
        await using var db = database.CreateContext();
        db.AddRange(organisation, therapist, user, checkIn);
        await db.SaveChangesAsync();
        return (organisation, user);
    }

    private static async Task<T> EventuallyAsync<T>(TestDatabase database, Func<BuddyDbContext, Task<T?>> query, GatewayProcess gateway)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            await using (var db = database.CreateContext())
            {
                if (await query(db) is { } found)
                {
                    return found;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Not seen within 60 s.\n{gateway.StandardOutput}\n{gateway.StandardError}");
    }
}
