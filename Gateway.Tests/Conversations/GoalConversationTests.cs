using Buddy.Domain.Goals;
using Buddy.Domain.Schedules;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Goals;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Conversations;

/// <summary>Goal reminders and the replies recorded against them, through /sms/inbound with a fake clock.</summary>
public sealed class GoalConversationTests
{
    private static readonly DateTime s_start = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task GoalReminder_ThenDone_IsRecordedAgainstTheGoalAndShownAsProgress(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        var goal = await gateway.WithServiceAsync((GoalService goals) => goals.CreateAsync(
            person.OrganisationId, person.Id, new GoalInput("walk to the shop twice this week", CheckInDays.Tuesday | CheckInDays.Thursday, new TimeOnly(17, 0)),
            person.TherapistId, default).SavedAsync());
        Assert.Equal(new DateTime(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc), goal.NextDueAtUtc);

        gateway.AdvanceTo(new DateTime(2026, 11, 24, 17, 0, 30, DateTimeKind.Utc));
        Assert.Equal(1, (await gateway.RunDueWorkAsync()).GoalReminders);
        Assert.Equal(0, (await gateway.RunDueWorkAsync()).GoalReminders);
        var reminder = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal(OutboundKind.GoalReminder, reminder.Kind);
        Assert.Equal($"goal:{goal.Id}:2026-11-24", reminder.DedupeKey);
        Assert.Equal("Hi Sam, your goal: \"walk to the shop twice this week\". How did it go today? Reply DONE, HALF or NOT TODAY.", reminder.Body);

        gateway.Advance(TimeSpan.FromMinutes(40));
        var reply = await gateway.TextAsync(person, "yes did it!");

        Assert.Equal("goal progress: Done", reply.Outcome);
        Assert.Equal(OutboundKind.ConversationReply, Assert.Single(await gateway.TextsToAsync(person)).Kind);

        // Thursday's reminder; "not today" this time.
        gateway.AdvanceTo(new DateTime(2026, 11, 26, 17, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1, (await gateway.RunDueWorkAsync()).GoalReminders);
        gateway.Advance(TimeSpan.FromHours(2));
        Assert.Equal("goal progress: NotDone", (await gateway.TextAsync(person, "not today")).Outcome);

        var progress = Assert.Single(await gateway.WithServiceAsync((GoalQueries q) =>
            q.GetProgressAsync(person.OrganisationId, person.Id, s_start, gateway.NowUtc.AddMinutes(1), default)));
        Assert.Equal((1, 0, 1), (progress.Done, progress.Partial, progress.NotDone));
        Assert.Equal([new DateOnly(2026, 11, 26), new DateOnly(2026, 11, 24)], progress.Entries.Select(e => e.LocalDate));
        Assert.Equal("yes did it!", progress.Entries[1].ReplyText);
        await using var db = gateway.Database.CreateContext();
        Assert.Equal(reply.Id, (await db.GoalProgress.SingleAsync(p => p.Outcome == GoalOutcome.Done)).InboundMessageId);
    }

    [Fact]
    public async Task GoalReply_AfterTheQuestionExpired_IsNotRecordedAgainstTheGoal()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        await gateway.WithServiceAsync((GoalService goals) => goals.CreateAsync(
            person.OrganisationId, person.Id, new GoalInput("call Gran", CheckInDays.Tuesday, new TimeOnly(17, 0)), null, default).SavedAsync());
        gateway.AdvanceTo(new DateTime(2026, 11, 24, 17, 0, 0, DateTimeKind.Utc));
        await gateway.RunDueWorkAsync();

        gateway.Advance(TimeSpan.FromHours(21));
        var reply = await gateway.TextAsync(person, "done");

        Assert.DoesNotContain("goal", reply.Outcome ?? "", StringComparison.Ordinal);
        await using var db = gateway.Database.CreateContext();
        Assert.Empty(await db.GoalProgress.ToListAsync());
    }

    [Fact]
    public async Task ArchivedGoal_GetsNoMoreReminders()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        var goal = await gateway.WithServiceAsync((GoalService goals) => goals.CreateAsync(
            person.OrganisationId, person.Id, new GoalInput("make my bed", CheckInDays.Everyday, new TimeOnly(9, 30)), null, default).SavedAsync());

        await gateway.WithServiceAsync((GoalService goals) => goals.SetStatusAsync(person.OrganisationId, goal.Id, GoalStatus.Archived, null, default).SavedAsync());
        gateway.AdvanceTo(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc));

        Assert.Equal(0, (await gateway.RunDueWorkAsync()).GoalReminders);
        Assert.Empty(await gateway.TextsToAsync(person));
    }

    /// <summary>Paused with no restart date (through the API, say): goal reminders and scheduled questionnaires wait, like check-ins.</summary>
    [Fact]
    public async Task PausedWithNoRestartDate_GetsNoGoalRemindersOrScheduledQuestionnaires_UntilSetActive()
    {
        await using var gateway = await CycleGateway.StartAsync(DatabaseProvider.Sqlite, s_start);
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        await gateway.WithServiceAsync((GoalService goals) => goals.CreateAsync(
            person.OrganisationId, person.Id, new GoalInput("make my bed", CheckInDays.Everyday, new TimeOnly(9, 30)), null, default).SavedAsync());
        await using (var db = gateway.Database.CreateContext())
        {
            db.QuestionnaireSchedules.Add(new Buddy.Domain.Questionnaires.QuestionnaireSchedule
            {
                OrganisationId = person.OrganisationId, ServiceUserId = person.Id, Kind = Buddy.Domain.Questionnaires.QuestionnaireKind.Phq9, EveryWeeks = 2,
                LocalTime = new TimeOnly(10, 0), NextDueAtUtc = new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), IsEnabled = true, UpdatedAtUtc = s_start,
            });
            var stored = await db.ServiceUsers.SingleAsync(s => s.Id == person.Id);
            (stored.Status, stored.PausedUntil) = (Buddy.Domain.ServiceUsers.ServiceUserStatus.Paused, null);
            await db.SaveChangesAsync();
        }

        gateway.AdvanceTo(new DateTime(2026, 11, 25, 10, 30, 0, DateTimeKind.Utc));
        var paused = await gateway.RunDueWorkAsync();

        Assert.Equal((0, 0), (paused.GoalReminders, paused.Questionnaires));
        Assert.Empty(await gateway.TextsToAsync(person));
        await using (var db = gateway.Database.CreateContext())
        {
            (await db.ServiceUsers.SingleAsync(s => s.Id == person.Id)).Status = Buddy.Domain.ServiceUsers.ServiceUserStatus.Active;
            await db.SaveChangesAsync();
        }

        gateway.AdvanceTo(new DateTime(2026, 11, 26, 9, 30, 0, DateTimeKind.Utc));
        Assert.Equal(1, (await gateway.RunDueWorkAsync()).GoalReminders);
    }
}
