using Buddy.Domain.Conversations;
using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Domain.Templates;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Conversations;

/// <summary>
/// Buddy's original two-step check-in, end to end: the scheduling feature sends the check-in, the session cycle asks
/// the second question, and the diary handler merges both answers into one entry.
/// </summary>
public sealed class TwoStepCheckInTests
{
    private static readonly DateTime s_start = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task TwoStepCheckIn_BothRepliesMergeIntoOneDiaryEntry(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(18, 0), twoStep: true);
        var (checkIn, opening) = await SendCheckInAsync(gateway, person);

        // Buddy's original first question, with the organisation's mood scale key; not the one-message wording.
        Assert.Equal($"Hi Sam, how are you feeling? Reply with a mood {TemplateRenderer.ScaleRange(new Organisation { Name = "any" }.MoodScale)}.", opening);

        gateway.Advance(TimeSpan.FromMinutes(5));
        var first = await gateway.TextAsync(person, "bit low tbh, 4");

        var second = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal(OutboundKind.CheckInSecondStep, second.Kind);
        Assert.Equal($"checkin2:{checkIn.Id}", second.DedupeKey);
        Assert.Equal("Thanks Sam. And what have you been doing?", second.Body);

        gateway.Advance(TimeSpan.FromMinutes(9));
        var answer = await gateway.TextAsync(person, "stayed in and watched films with my sister");

        await using var db = gateway.Database.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync(e => e.ServiceUserId == person.Id);
        Assert.Equal(checkIn.Id, entry.CheckInId);
        Assert.Equal(4, entry.MoodScore);
        Assert.Contains("stayed in and watched films with my sister", entry.EventText, StringComparison.Ordinal);
        Assert.Equal(entry.Id, first.DiaryEntryId);
        Assert.Equal(entry.Id, answer.DiaryEntryId);
        Assert.Equal(ConversationStatus.Answered, (await db.Conversations.SingleAsync(c => c.SubjectId == checkIn.Id)).Status);

        // A third text is still that day's diary, and the second question is never asked twice.
        gateway.Advance(TimeSpan.FromMinutes(3));
        await gateway.TextAsync(person, "oh and I went to the shop");
        Assert.Empty(await gateway.TextsToAsync(person));
        Assert.Equal(1, await db.DiaryEntries.CountAsync(e => e.ServiceUserId == person.Id));
    }

    [Fact]
    public async Task TwoStepCheckIn_WhenTheFirstAnswerAlreadySaysWhatTheyDid_AsksNoSecondQuestion()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(18, 0), twoStep: true);
        await SendCheckInAsync(gateway, person);

        gateway.Advance(TimeSpan.FromMinutes(5));
        var reply = await gateway.TextAsync(person, "7 went swimming");

        Assert.Empty(await gateway.TextsToAsync(person));
        await using var db = gateway.Database.CreateContext();
        var entry = await db.DiaryEntries.SingleAsync(e => e.Id == reply.DiaryEntryId);
        Assert.Equal((7.0, "went swimming"), (entry.MoodScore, entry.EventText));
    }

    [Fact]
    public async Task OneMessageCheckIn_TheDefault_AsksNoSecondQuestion()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(18, 0));
        var (_, opening) = await SendCheckInAsync(gateway, person);

        Assert.Equal(TemplateRenderer.Render(DefaultTexts.CheckIn, new ServiceUser { DisplayName = "Sam Taylor" }, new Organisation { Name = "any" }), opening);
        gateway.Advance(TimeSpan.FromMinutes(5));
        var reply = await gateway.TextAsync(person, "6 went to college");

        Assert.NotNull(reply.DiaryEntryId);
        Assert.Empty(await gateway.TextsToAsync(person));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task TwoStepCheckIn_WhenTheOrganisationHasAFirstStepTemplate_OpensWithIt(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(18, 0), twoStep: true);
        await using (var db = gateway.Database.CreateContext())
        {
            db.MessageTemplates.AddRange(
                new MessageTemplate { OrganisationId = person.OrganisationId, Kind = TemplateKind.CheckIn, Name = "One message", Body = "Evening {FirstName}! Mood and your day?", IsDefault = true, UpdatedAtUtc = s_start },
                new MessageTemplate { OrganisationId = person.OrganisationId, Kind = TemplateKind.CheckInFirstStep, Name = "Feeling", Body = "Evening {FirstName}, how are you feeling? {ScaleRange}", IsDefault = true, UpdatedAtUtc = s_start });
            await db.SaveChangesAsync();
        }

        var (_, opening) = await SendCheckInAsync(gateway, person);

        Assert.StartsWith("Evening Sam, how are you feeling? ", opening, StringComparison.Ordinal);
    }

    /// <summary>The scheduling feature's own dispatcher sends the day's check-in at 18:00; returns it and its text.</summary>
    private static async Task<(Domain.CheckIns.CheckIn CheckIn, string Text)> SendCheckInAsync(CycleGateway gateway, Person person)
    {
        var dispatcher = gateway.Service<CheckInDispatcher>();
        await dispatcher.DispatchDueAsync(100);
        gateway.AdvanceTo(new DateTime(2026, 11, 24, 18, 0, 0, DateTimeKind.Utc));
        await dispatcher.DispatchDueAsync(100);
        var text = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal(OutboundKind.CheckIn, text.Kind);
        await using var db = gateway.Database.CreateContext();
        return (await db.CheckIns.SingleAsync(c => c.ServiceUserId == person.Id), text.Body);
    }
}
