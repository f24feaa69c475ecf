using Buddy.Domain.Audit;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Summaries;
using Buddy.Domain.Time;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Data;
using Buddy.Gateway.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Engagement;

/// <summary>
/// Raises engagement alerts beside the safeguarding ones, so someone drifting away is noticed before a missed
/// session: <see cref="AlertKind.LowMoodStreak"/> after the organisation's <c>LowMoodStreak</c> low scores in a row,
/// <see cref="AlertKind.NoReply"/> after <c>NoReplyDays</c> sent check-ins in a row without a reply. One alert per
/// streak: never a second while one is open, and none for a streak that an alert was already raised during (even
/// if acknowledged).
/// Safe to run as often as wanted; a scheduler job calls <see cref="ScanAsync"/>.
/// </summary>
public sealed class EngagementAlertScanner(IDbContextFactory<BuddyDbContext> contexts, BuddyMetrics metrics, ILogger<EngagementAlertScanner> logger)
{
    /// <summary>A streak whose latest day is older than this is history, not news: it raises nothing.</summary>
    public const int RecentDays = 7;

    /// <summary>
    /// How far back streaks are read. A streak is "already alerted" when an alert of its kind was raised after it
    /// began, so a streak longer than this can alert again, at most once per this many days.
    /// </summary>
    public const int LookbackDays = 120;

    /// <summary>Returns the alerts raised.</summary>
    public async Task<IReadOnlyList<Alert>> ScanAsync(DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var raised = new List<Alert>();
        List<Organisation> organisations;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            organisations = await db.Organisations.AsNoTracking().ToListAsync(cancellationToken);
        }

        foreach (var organisation in organisations)
        {
            raised.AddRange(await ScanOrganisationAsync(organisation, nowUtc, cancellationToken));
        }

        if (raised.Count > 0)
        {
            logger.LogInformation("Engagement scan raised {Count} alert(s)", raised.Count);
        }

        return raised;
    }

    private async Task<List<Alert>> ScanOrganisationAsync(Organisation organisation, DateTime nowUtc, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var people = await db.ServiceUsers.AsNoTracking()
            .Where(s => s.OrganisationId == organisation.Id && s.Status != ServiceUserStatus.Discharged && s.ErasedAtUtc == null)
            .ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();

        var sinceDate = DateOnly.FromDateTime(nowUtc).AddDays(-LookbackDays);
        var entries = (await db.DiaryEntries.AsNoTracking()
                .Where(e => e.OrganisationId == organisation.Id && e.MoodScore != null && e.LocalDate >= sinceDate && ids.Contains(e.ServiceUserId))
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ServiceUserId);
        var checkIns = (await db.CheckIns.AsNoTracking()
                .Where(c => c.OrganisationId == organisation.Id && c.LocalDate >= sinceDate && ids.Contains(c.ServiceUserId))
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ServiceUserId);
        var existing = (await db.Alerts.AsNoTracking()
                .Where(a => a.OrganisationId == organisation.Id && (a.Kind == AlertKind.LowMoodStreak || a.Kind == AlertKind.NoReply) && ids.Contains(a.ServiceUserId))
                .Select(a => new { a.ServiceUserId, a.Kind, a.CreatedAtUtc, a.AcknowledgedAtUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ServiceUserId);

        var raised = new List<Alert>();
        foreach (var person in people)
        {
            var today = LocalTimes.LocalDate(nowUtc, person.TimeZoneId);
            var mine = existing[person.Id].ToList();

            var lowRun = EngagementStreaks.CurrentLowMoodRun(entries[person.Id]);
            if (organisation.LowMoodStreak > 0 && lowRun.Count >= organisation.LowMoodStreak && lowRun[^1].LocalDate >= today.AddDays(-RecentDays)
                && !mine.Any(a => a.Kind == AlertKind.LowMoodStreak && (a.AcknowledgedAtUtc == null || a.CreatedAtUtc >= lowRun[0].CreatedAtUtc)))
            {
                var latest = lowRun[^1];
                raised.Add(NewAlert(person, AlertKind.LowMoodStreak, nowUtc, latest.Id,
                    $"{lowRun.Count} low scores in a row since {LocalDisplay.ShortDate(lowRun[0].LocalDate)} (latest {MoodLevels.Display(latest.MoodScale, latest.MoodScore!.Value)} on {LocalDisplay.ShortDate(latest.LocalDate)})"));
            }

            var silence = EngagementStreaks.CurrentSilence(checkIns[person.Id], today);
            if (organisation.NoReplyDays > 0 && silence.Count >= organisation.NoReplyDays && !person.MayNotBeTexted && person.Status == ServiceUserStatus.Active
                && silence[^1].LocalDate >= today.AddDays(-RecentDays)
                && !mine.Any(a => a.Kind == AlertKind.NoReply && (a.AcknowledgedAtUtc == null || a.CreatedAtUtc >= silence[0].DueAtUtc)))
            {
                raised.Add(NewAlert(person, AlertKind.NoReply, nowUtc, null,
                    $"No reply to the last {silence.Count} check-ins (since {LocalDisplay.ShortDate(silence[0].LocalDate)})"));
            }
        }

        if (raised.Count > 0)
        {
            db.Alerts.AddRange(raised);
            db.AuditEvents.AddRange(raised.Select(a => new AuditEvent
            {
                OrganisationId = a.OrganisationId, ActorType = AuditActorType.System, Action = "alert.raised", EntityType = "alert",
                EntityId = a.Id.ToString(), ServiceUserId = a.ServiceUserId, Detail = a.Kind.ToString(), OccurredAtUtc = nowUtc,
            }));
            await db.SaveChangesAsync(cancellationToken);
            foreach (var alert in raised)
            {
                metrics.AlertRaised(alert.Kind, alert.Severity);
            }
        }

        return raised;
    }

    private static Alert NewAlert(ServiceUser person, AlertKind kind, DateTime nowUtc, Guid? diaryEntryId, string summary) => new()
    {
        OrganisationId = person.OrganisationId,
        ServiceUserId = person.Id,
        Kind = kind,
        Severity = RiskLevel.Review,
        Summary = summary,
        DiaryEntryId = diaryEntryId,
        CreatedAtUtc = nowUtc,
    };
}
