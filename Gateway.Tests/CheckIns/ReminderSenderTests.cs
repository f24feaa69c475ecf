using Buddy.Domain.CheckIns;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using static Buddy.Tests.Schedules.CheckInRulesTests;

namespace Buddy.Tests.CheckIns;

public sealed class ReminderSenderTests
{
    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task SendDue_WhenNoReplyAfterTheDelay_WritesExactlyOneReminder(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T19:00:05Z");
        var (person, _) = await world.AddPersonAsync("19:00", schedule: s => (s.NextDueAtUtc, s.ReminderAfterMinutes) = (Utc("2026-03-10T19:00:00Z"), 60));
        await world.DispatchAsync();
        Assert.Equal(Utc("2026-03-10T20:00:05Z"), Assert.Single(await world.CheckInsAsync()).ReminderDueAtUtc);

        world.SetNow("2026-03-10T19:59:00Z");
        Assert.Equal((0, 0), await world.Reminders.SendDueAsync(100));
        world.SetNow("2026-03-10T20:00:10Z");
        Assert.Equal((1, 0), await world.Reminders.SendDueAsync(100));
        Assert.Equal((0, 0), await world.Reminders.SendDueAsync(100));

        var reminder = Assert.Single(await world.MessagesAsync(), m => m.Kind == OutboundKind.Reminder);
        Assert.Equal($"reminder:{person.Id}:2026-03-10", reminder.DedupeKey);
        Assert.Equal("Hi Sam, just a reminder: how was today? A number 1-10 is enough.", reminder.Body);
        Assert.Equal(world.Now, Assert.Single(await world.CheckInsAsync()).ReminderSentAtUtc);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task SendDue_WhenTheyAlreadyReplied_SendsNoReminder(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T19:00:05Z");
        await world.AddPersonAsync("19:00", schedule: s => (s.NextDueAtUtc, s.ReminderAfterMinutes) = (Utc("2026-03-10T19:00:00Z"), 60));
        await world.DispatchAsync();
        var checkIn = Assert.Single(await world.CheckInsAsync());
        await world.UpdateAsync<CheckIn>(checkIn.Id, c => (c.Status, c.AnsweredAtUtc) = (CheckInStatus.Answered, world.Now));

        world.SetNow("2026-03-10T20:30:00Z");

        Assert.Equal((0, 0), await world.Reminders.SendDueAsync(100));
        Assert.DoesNotContain(await world.MessagesAsync(), m => m.Kind == OutboundKind.Reminder);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task SendDue_WhenTheReminderWouldLandInQuietHours_IsSkipped(DatabaseProvider provider)
    {
        // 19:00 + 150 minutes = 21:30, the start of the organisation's quiet hours: never sent, not even next morning.
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T19:00:05Z");
        await world.AddPersonAsync("19:00", schedule: s => (s.NextDueAtUtc, s.ReminderAfterMinutes) = (Utc("2026-03-10T19:00:00Z"), 150));
        await world.DispatchAsync();
        Assert.Null(Assert.Single(await world.CheckInsAsync()).ReminderDueAtUtc);

        foreach (var now in new[] { "2026-03-10T21:31:00Z", "2026-03-11T08:01:00Z", "2026-03-11T12:00:00Z" })
        {
            world.SetNow(now);
            await world.Reminders.SendDueAsync(100);
        }

        Assert.DoesNotContain(await world.MessagesAsync(), m => m.Kind == OutboundKind.Reminder);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task SendDue_WhenTheJobOnlyRunsOnceQuietHoursStarted_DropsTheReminder(DatabaseProvider provider)
    {
        // Due at 21:00, but the gateway was down until 21:40 (quiet since 21:30): dropped for good.
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T19:00:05Z");
        await world.AddPersonAsync("19:00", schedule: s => (s.NextDueAtUtc, s.ReminderAfterMinutes) = (Utc("2026-03-10T19:00:00Z"), 120));
        await world.DispatchAsync();

        world.SetNow("2026-03-10T21:40:00Z");
        Assert.Equal((0, 1), await world.Reminders.SendDueAsync(100));
        world.SetNow("2026-03-11T08:30:00Z");
        Assert.Equal((0, 0), await world.Reminders.SendDueAsync(100));

        var checkIn = Assert.Single(await world.CheckInsAsync());
        Assert.Null(checkIn.ReminderDueAtUtc);
        Assert.Contains("quiet hours", checkIn.Note, StringComparison.Ordinal);
        Assert.DoesNotContain(await world.MessagesAsync(), m => m.Kind == OutboundKind.Reminder);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task SendDue_WhenTheyOptedOutAfterTheCheckIn_DropsTheReminder(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T19:00:05Z");
        var (person, _) = await world.AddPersonAsync("19:00", schedule: s => (s.NextDueAtUtc, s.ReminderAfterMinutes) = (Utc("2026-03-10T19:00:00Z"), 60));
        await world.DispatchAsync();
        await world.UpdateAsync<ServiceUser>(person.Id, p => p.Consent = ConsentState.OptedOut);

        world.SetNow("2026-03-10T20:01:00Z");

        Assert.Equal((0, 1), await world.Reminders.SendDueAsync(100));
        Assert.DoesNotContain(await world.MessagesAsync(), m => m.Kind == OutboundKind.Reminder);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Expire_AfterTheReplyWindow_MarksOnlyUnansweredCheckIns(DatabaseProvider provider)
    {
        await using var world = await SchedulingWorld.CreateAsync(provider, "2026-03-10T19:00:05Z");
        var (quiet, _) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));
        var (replied, _) = await world.AddPersonAsync("19:00", schedule: s => s.NextDueAtUtc = Utc("2026-03-10T19:00:00Z"));
        await world.DispatchAsync();
        var answered = (await world.CheckInsAsync(replied.Id)).Single();
        await world.UpdateAsync<CheckIn>(answered.Id, c => c.Status = CheckInStatus.Answered);

        world.SetNow("2026-03-11T12:59:00Z");
        Assert.Equal(0, await world.Expiry.ExpireAsync());
        world.SetNow("2026-03-11T13:00:00Z"); // 18 hours after 19:00
        Assert.Equal(1, await world.Expiry.ExpireAsync());

        Assert.Equal(CheckInStatus.Unanswered, (await world.CheckInsAsync(quiet.Id)).Single().Status);
        Assert.Equal(CheckInStatus.Answered, (await world.CheckInsAsync(replied.Id)).Single().Status);
    }
}
