using Buddy.Domain.Sessions;
using Buddy.Domain.Summaries;
using Buddy.Domain.Time;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Dashboard;

/// <summary>Loads what a pre-session summary needs, in scope, and builds it.</summary>
public sealed class SummaryQuery(BuddyDbContext db, CaseloadAccess access, TimeProvider clock)
{
    /// <summary>The longest range a summary or export may cover: enough for a long course of therapy.</summary>
    public const int MaximumDays = 3 * 366;

    /// <summary>
    /// The summary for <paramref name="from"/>..<paramref name="to"/> (local dates), or since the last session when
    /// both are null. Null when the service user is outside the scope (the caller answers 404).
    /// </summary>
    public async Task<SummaryView?> LoadAsync(CaseloadScope scope, Guid serviceUserId, DateRange? chosen, CancellationToken cancellationToken = default)
    {
        var person = await access.FindAsync(scope, serviceUserId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = LocalTimes.LocalDate(now, person.TimeZoneId);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == person.OrganisationId, cancellationToken);
        var sessions = db.TherapySessions.AsNoTracking().Where(s => s.ServiceUserId == person.Id && s.OrganisationId == person.OrganisationId);
        var lastSession = await sessions.Where(s => s.StartsAtUtc < now && s.Status != SessionStatus.Cancelled)
            .OrderByDescending(s => s.StartsAtUtc).FirstOrDefaultAsync(cancellationToken);
        var nextSession = await sessions.Where(s => s.StartsAtUtc >= now && s.Status == SessionStatus.Scheduled)
            .OrderBy(s => s.StartsAtUtc).FirstOrDefaultAsync(cancellationToken);

        var period = chosen ?? DateRange.SinceLastSession(
            lastSession is null ? null : LocalTimes.LocalDate(lastSession.StartsAtUtc, person.TimeZoneId),
            today,
            LocalTimes.LocalDate(person.CreatedAtUtc, person.TimeZoneId));

        var input = new SummaryInput
        {
            Period = period,
            Today = today,
            OrganisationScale = organisation.MoodScale,
            DeteriorationDrop = organisation.DeteriorationDrop,
            TimeZoneId = person.TimeZoneId,
        };

        // Entries reach back far enough for the baseline and the previous period the trend compares with.
        var entriesFrom = period.From.AddDays(-Math.Max(input.BaselineDays, period.Days));
        var entries = await db.DiaryEntries.AsNoTracking()
            .Where(e => e.ServiceUserId == person.Id && e.OrganisationId == person.OrganisationId && e.LocalDate >= entriesFrom && e.LocalDate <= period.To)
            .ToListAsync(cancellationToken);
        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(c => c.ServiceUserId == person.Id && c.LocalDate >= period.From && c.LocalDate <= period.To)
            .ToListAsync(cancellationToken);

        // Local dates are within a day of UTC ones, so a day either side catches every alert of the period.
        var alertsFrom = period.From.AddDays(-1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var alertsTo = period.To.AddDays(2).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var alerts = await access.Alerts(scope).AsNoTracking()
            .Where(a => a.ServiceUserId == person.Id && (a.AcknowledgedAtUtc == null || (a.CreatedAtUtc >= alertsFrom && a.CreatedAtUtc < alertsTo)))
            .OrderByDescending(a => a.CreatedAtUtc)
            .ToListAsync(cancellationToken);

        var periodEntryIds = db.DiaryEntries
            .Where(e => e.ServiceUserId == person.Id && e.LocalDate >= period.From && e.LocalDate <= period.To)
            .Select(e => (Guid?)e.Id);
        var replies = await db.InboundMessages.AsNoTracking()
            .Where(m => m.ServiceUserId == person.Id && periodEntryIds.Contains(m.DiaryEntryId))
            .ToListAsync(cancellationToken);

        var summary = SummaryBuilder.Build(input with
        {
            Entries = entries,
            CheckIns = checkIns,
            Alerts = [.. alerts.Where(a => a.CreatedAtUtc >= alertsFrom && a.CreatedAtUtc < alertsTo)],
            Replies = replies,
        });

        var therapistName = person.TherapistId is { } therapistId
            ? await db.StaffMembers.AsNoTracking().Where(s => s.Id == therapistId).Select(s => s.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;

        return new SummaryView(
            person,
            organisation,
            therapistName,
            lastSession,
            nextSession,
            summary,
            [.. alerts.Where(a => a.AcknowledgedAtUtc == null).OrderByDescending(a => a.Severity).ThenBy(a => a.CreatedAtUtc)],
            chosen is null);
    }
}
