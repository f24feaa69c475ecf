using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Schedules;
using Buddy.Domain.Sessions;
using Buddy.Domain.Time;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// Makes the demo's session cycle playable in /simulator straight after start-up, on top of the lead's demo data
/// (Gateway/Demo): for the demo user (the one whose check-in is armed for the next minute) a goal reminder a few
/// minutes later, a PHQ-9 every two weeks (the first a few minutes after that) and the next session a week from
/// today, so one week in /simulator (with the demo clock) is one whole cycle: daily check-ins and goal reminders,
/// the appointment reminder and agenda question the day before, then the therapist's summary since the last
/// session. A second demo user gets Buddy's original two-step check-in.
/// Idempotent: run on every start it re-times what is due, and adds only what is missing.
/// </summary>
public sealed class DemoCycleSeeder(BuddyDbContext db, TimeProvider clock, ILogger<DemoCycleSeeder> logger)
{
    /// <summary>The demo user: the one whose check-in the lead's demo data arms for the next minute.</summary>
    public const string DemoPhone = Demo.DemoSeeder.DemoNowPhone;
    public const string TwoStepPhone = "+447700900102";
    public const string DemoGoal = "walk to the shop twice this week";

    public async Task ArmAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var person = await db.ServiceUsers.SingleOrDefaultAsync(s => s.PhoneE164 == DemoPhone, cancellationToken);
        if (person is null)
        {
            return;
        }

        var local = LocalTimes.ToLocal(now, person.TimeZoneId);
        var today = local.Date.ToDateOnly();
        TimeOnly InMinutes(int minutes) => new TimeOnly(local.Hour, local.Minute).AddMinutes(minutes);

        // The next session a week from today, its reminder (the day before, at the check-in time) still to come.
        var inAWeek = LocalTimes.ToUtc(today.AddDays(7), new TimeOnly(10, 0), person.TimeZoneId);
        var next = await db.TherapySessions
            .Where(s => s.ServiceUserId == person.Id && s.Status == SessionStatus.Scheduled && s.StartsAtUtc > now)
            .OrderBy(s => s.StartsAtUtc)
            .FirstOrDefaultAsync(cancellationToken);
        if (next is null)
        {
            db.TherapySessions.Add(new TherapySession
            {
                OrganisationId = person.OrganisationId,
                ServiceUserId = person.Id,
                TherapistId = person.TherapistId,
                StartsAtUtc = inAWeek,
                Location = "Riverside Centre, room 2",
                CreatedAtUtc = now,
            });
        }
        else if (next.ReminderSentAtUtc is null)
        {
            next.StartsAtUtc = inAWeek;
        }

        var goal = await db.Goals.FirstOrDefaultAsync(g => g.ServiceUserId == person.Id && g.Text == DemoGoal, cancellationToken);
        if (goal is null)
        {
            goal = new Goal { OrganisationId = person.OrganisationId, ServiceUserId = person.Id, Text = DemoGoal, SetByStaffId = person.TherapistId, CreatedAtUtc = now };
            db.Goals.Add(goal);
        }

        goal.Status = GoalStatus.Active;
        goal.ReminderDays = CheckInDays.Everyday;
        goal.ReminderLocalTime = InMinutes(3);
        goal.UpdatedAtUtc = now;
        goal.NextDueAtUtc = GoalReminderRule.NextDueUtc(goal, person.TimeZoneId, now);

        var phq9 = await db.QuestionnaireSchedules.FirstOrDefaultAsync(s => s.ServiceUserId == person.Id && s.Kind == QuestionnaireKind.Phq9, cancellationToken);
        if (phq9 is null)
        {
            phq9 = new QuestionnaireSchedule { OrganisationId = person.OrganisationId, ServiceUserId = person.Id, Kind = QuestionnaireKind.Phq9, SetByStaffId = person.TherapistId };
            db.QuestionnaireSchedules.Add(phq9);
        }

        phq9.EveryWeeks = 2;
        phq9.LocalTime = InMinutes(6);
        phq9.NextDueAtUtc = LocalTimes.ToUtc(today, phq9.LocalTime, person.TimeZoneId);
        phq9.IsEnabled = true;
        phq9.UpdatedAtUtc = now;

        await ArmTwoStepAsync(now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Demo session cycle armed: appointment reminder with the check-in, goal reminder at {Goal}, PHQ-9 at {Phq9} (local)",
            goal.ReminderLocalTime, phq9.LocalTime);
    }

    /// <summary>The second demo user: Buddy's standard two-step check-in two minutes from now.</summary>
    private async Task ArmTwoStepAsync(DateTime now, CancellationToken cancellationToken)
    {
        var person = await db.ServiceUsers.SingleOrDefaultAsync(s => s.PhoneE164 == TwoStepPhone, cancellationToken);
        var schedule = person is null ? null : await db.CheckInSchedules.SingleOrDefaultAsync(s => s.ServiceUserId == person.Id, cancellationToken);
        if (person is null || schedule is null)
        {
            return;
        }

        var local = LocalTimes.ToLocal(now, person.TimeZoneId);
        schedule.TwoStep = true;

        // No template of its own: a two-step check-in opens with the organisation's CheckInFirstStep wording.
        schedule.TemplateId = null;
        schedule.LocalTime = new TimeOnly(local.Hour, local.Minute).AddMinutes(2);
        schedule.QuietHoursStart = TimeOnly.MinValue;
        schedule.QuietHoursEnd = TimeOnly.MinValue;
        schedule.NextDueAtUtc = null;
        schedule.UpdatedAtUtc = now;
    }
}
