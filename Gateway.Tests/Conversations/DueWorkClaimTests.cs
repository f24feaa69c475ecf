using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Schedules;
using Buddy.Domain.Sms;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.Sessions;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Conversations;

/// <summary>
/// Goal, appointment and questionnaire reminders are claimed in batches (<see cref="DueBatches"/>): however many runs
/// or instances look at once, each due reminder is queued exactly once, including past one batch's worth.
/// </summary>
public sealed class DueWorkClaimTests
{
    // Tuesday 24 November 2026, 09:00 in London (GMT, so UTC too).
    private static readonly DateTime s_start = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task DueWork_WhenTwoInstancesRunAtOnce_QueuesEachDueReminderOnce_AndARepeatedRunNothing(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        const int goalsEach = (DueBatches.Size / 2) + 10; // two people's goals fill more than one batch
        var people = new[] { await gateway.AddPersonAsync(new TimeOnly(18, 30)), await gateway.AddPersonAsync(new TimeOnly(18, 30)) };
        foreach (var person in people)
        {
            for (var i = 0; i < goalsEach; i++)
            {
                await gateway.WithServiceAsync((GoalService goals) => goals.CreateAsync(
                    person.OrganisationId, person.Id, new GoalInput($"goal {i}", CheckInDays.Everyday, new TimeOnly(17, 0)), person.TherapistId, default).SavedAsync());
            }

            await gateway.WithServiceAsync((SessionService sessions) => sessions.RecordAsync(
                person.OrganisationId, person.Id, new SessionBooking(new DateOnly(2026, 11, 26), new TimeOnly(10, 0), "Riverside Centre"), person.TherapistId, default).SavedAsync());
            await gateway.WithServiceAsync((QuestionnaireService q) => q.ScheduleAsync(
                person.OrganisationId, person.Id, QuestionnaireKind.Gad7, 2, new DateOnly(2026, 11, 25), new TimeOnly(17, 30), person.TherapistId, default).SavedAsync());
        }

        // Everything is due by now: the goals since yesterday 17:00, the questionnaires and the appointment reminders tonight.
        gateway.AdvanceTo(new DateTime(2026, 11, 25, 19, 0, 0, DateTimeKind.Utc));
        var runs = await Task.WhenAll(gateway.RunDueWorkAsync(), gateway.RunDueWorkAsync());
        var again = await gateway.RunDueWorkAsync();

        Assert.Equal(2 * goalsEach, runs.Sum(r => r.GoalReminders));
        Assert.Equal(2, runs.Sum(r => r.AppointmentReminders));
        Assert.Equal(2, runs.Sum(r => r.Questionnaires));
        Assert.Equal(new DueWorkCounts(0, 0, 0, 0), again);
        await using var db = gateway.Database.CreateContext();
        var texts = await db.OutboundMessages.AsNoTracking().ToListAsync();
        Assert.Equal(2 * goalsEach, texts.Count(t => t.Kind == OutboundKind.GoalReminder));
        Assert.Equal(2, texts.Count(t => t.Kind == OutboundKind.AppointmentReminder));
        Assert.Equal(2, texts.Count(t => t.Kind == OutboundKind.Questionnaire));
        Assert.Equal(texts.Count, texts.Select(t => t.DedupeKey).Distinct().Count());
        Assert.All(await db.Goals.AsNoTracking().ToListAsync(), g => Assert.Equal(new DateTime(2026, 11, 26, 17, 0, 0, DateTimeKind.Utc), g.NextDueAtUtc));
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task AppointmentReminder_NotDueYet_IsPassedOver_ThenQueuedOnceWhenDue(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start);
        var person = await gateway.AddPersonAsync(new TimeOnly(18, 30));
        var later = await gateway.AddPersonAsync(new TimeOnly(20, 0));
        foreach (var who in new[] { person, later })
        {
            await gateway.WithServiceAsync((SessionService sessions) => sessions.RecordAsync(
                who.OrganisationId, who.Id, new SessionBooking(new DateOnly(2026, 11, 26), new TimeOnly(10, 0), "Riverside Centre"), who.TherapistId, default).SavedAsync());
        }

        gateway.AdvanceTo(new DateTime(2026, 11, 25, 18, 30, 0, DateTimeKind.Utc));
        Assert.Equal(1, (await gateway.RunDueWorkAsync()).AppointmentReminders);
        Assert.Equal(0, (await gateway.RunDueWorkAsync()).AppointmentReminders);
        gateway.AdvanceTo(new DateTime(2026, 11, 25, 20, 0, 0, DateTimeKind.Utc));
        Assert.Equal(1, (await gateway.RunDueWorkAsync()).AppointmentReminders);
        Assert.Equal(0, (await gateway.RunDueWorkAsync()).AppointmentReminders);

        Assert.Equal(OutboundKind.AppointmentReminder, Assert.Single(await gateway.TextsToAsync(person)).Kind);
        Assert.Equal(OutboundKind.AppointmentReminder, Assert.Single(await gateway.TextsToAsync(later)).Kind);
    }
}
