using Buddy.Domain.CheckIns;
using Buddy.Domain.Goals;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Gateway.CheckIns;
using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Engagement;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.Sessions;
using Buddy.Gateway.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Demo;

/// <summary>
/// The simulator's demo-clock controls: find when Buddy next texts someone, move the <see cref="DemoClock"/> there
/// (or on by an hour or a day), then run the due work at once, through the same services the scheduler's jobs call,
/// so the texts appear without waiting for the next scheduler tick. The jobs stay idempotent, so a tick running
/// alongside sends nothing twice.
/// </summary>
public sealed class DemoTimeTravel(
    BuddyDbContext db,
    DemoClock clock,
    IServiceScopeFactory scopes,
    IOutboxSignal outbox,
    SchedulingSettings scheduling,
    IOptions<AppointmentReminderOptions> appointments)
{
    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    /// <summary>How far the demo runs ahead of real time.</summary>
    public TimeSpan Ahead => clock.Offset;

    /// <summary>
    /// When Buddy next texts <paramref name="serviceUserId"/> (or anyone, when null) without waiting for a reply:
    /// a check-in, a check-in reminder, a goal reminder, a scheduled questionnaire, an appointment reminder or a
    /// text held back by quiet hours. Null when nothing is scheduled.
    /// </summary>
    public async Task<DateTime?> NextTextDueAsync(Guid? serviceUserId, CancellationToken cancellationToken)
    {
        var now = NowUtc;
        var candidates = new List<DateTime?>
        {
            await db.CheckInSchedules.Where(s => s.IsEnabled && s.NextDueAtUtc > now && (serviceUserId == null || s.ServiceUserId == serviceUserId))
                .MinAsync(s => s.NextDueAtUtc, cancellationToken),
            await db.CheckIns.Where(c => c.Status == CheckInStatus.Sent && c.ReminderSentAtUtc == null && c.ReminderDueAtUtc > now && (serviceUserId == null || c.ServiceUserId == serviceUserId))
                .MinAsync(c => c.ReminderDueAtUtc, cancellationToken),
            await db.Goals.Where(g => g.Status == GoalStatus.Active && g.NextDueAtUtc > now && (serviceUserId == null || g.ServiceUserId == serviceUserId))
                .MinAsync(g => g.NextDueAtUtc, cancellationToken),
            await db.QuestionnaireSchedules.Where(q => q.IsEnabled && q.NextDueAtUtc > now && (serviceUserId == null || q.ServiceUserId == serviceUserId))
                .MinAsync(q => q.NextDueAtUtc, cancellationToken),
            await db.OutboundMessages.Where(m => m.Status == OutboundStatus.Pending && m.NotBeforeUtc > now && (serviceUserId == null || m.ServiceUserId == serviceUserId))
                .MinAsync(m => (DateTime?)m.NotBeforeUtc, cancellationToken),
            await NextAppointmentReminderAsync(serviceUserId, now, cancellationToken),
        };
        return candidates.Where(c => c is not null).Min();
    }

    /// <summary>Moves the demo clock to the next scheduled text and sends what is then due; null when nothing is scheduled.</summary>
    public async Task<DateTime?> JumpToNextTextAsync(Guid? serviceUserId, CancellationToken cancellationToken)
    {
        // Whatever is already due goes first, and new schedules get their next due time, so none is jumped over.
        await RunDueWorkAsync(cancellationToken);
        if (await NextTextDueAsync(serviceUserId, cancellationToken) is not { } next)
        {
            return null;
        }

        clock.AdvanceTo(next);
        await RunDueWorkAsync(cancellationToken);
        return next;
    }

    /// <summary>Moves the demo clock on and sends what is then due (a check-in missed by more than the catch-up window is skipped, as after downtime).</summary>
    public async Task AdvanceAsync(TimeSpan by, CancellationToken cancellationToken)
    {
        clock.Advance(by);
        await RunDueWorkAsync(cancellationToken);
    }

    private async Task RunDueWorkAsync(CancellationToken cancellationToken)
    {
        var now = NowUtc;
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<CheckInDispatcher>().DispatchDueAsync(scheduling.BatchSize, cancellationToken);
        await services.GetRequiredService<ReminderSender>().SendDueAsync(scheduling.BatchSize, cancellationToken);
        await services.GetRequiredService<CheckInExpiry>().ExpireAsync(cancellationToken);
        await services.GetRequiredService<SessionCycleDueWork>().RunDueAsync(now, cancellationToken);
        await services.GetRequiredService<EngagementAlertScanner>().ScanAsync(now, cancellationToken);
        outbox.Wake();
    }

    /// <summary>The appointment reminder's due time, worked out as <see cref="AppointmentReminderService"/> does.</summary>
    private async Task<DateTime?> NextAppointmentReminderAsync(Guid? serviceUserId, DateTime now, CancellationToken cancellationToken)
    {
        var settings = appointments.Value;
        var sessions = await db.TherapySessions.AsNoTracking()
            .Where(s => s.Status == SessionStatus.Scheduled && s.ReminderSentAtUtc == null && s.StartsAtUtc > now && (serviceUserId == null || s.ServiceUserId == serviceUserId))
            .Join(db.ServiceUsers, s => s.ServiceUserId, p => p.Id, (s, p) => new { s.StartsAtUtc, p.TimeZoneId, PersonId = p.Id })
            .OrderBy(s => s.StartsAtUtc)
            .Take(50)
            .ToListAsync(cancellationToken);
        DateTime? next = null;
        foreach (var session in sessions)
        {
            var checkInTime = await db.CheckInSchedules.Where(c => c.ServiceUserId == session.PersonId).Select(c => (TimeOnly?)c.LocalTime).FirstOrDefaultAsync(cancellationToken);
            var due = AppointmentReminderRule.DueUtc(
                session.StartsAtUtc, session.TimeZoneId, settings.ConfiguredReminderTime ?? checkInTime ?? AppointmentReminderOptions.FallbackReminderTime, settings.ReminderDaysBefore);
            if (due > now && session.StartsAtUtc - due >= AppointmentReminderRule.MinimumNotice && (next is null || due < next))
            {
                next = due;
            }
        }

        return next;
    }
}
