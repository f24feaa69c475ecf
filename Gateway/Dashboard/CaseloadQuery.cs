using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Summaries;
using Buddy.Domain.Time;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Dashboard;

/// <summary>
/// The caseload page's rows: people with unacknowledged alerts first (urgent before review, the newest alert first
/// within a tier), then by next session.
/// </summary>
public sealed class CaseloadQuery(BuddyDbContext db, CaseloadAccess access, TimeProvider clock)
{
    public const int ReplyRateDays = 14;

    public async Task<IReadOnlyList<CaseloadRow>> LoadAsync(CaseloadScope scope, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var people = access.ServiceUsers(scope).Where(s => s.Status != ServiceUserStatus.Discharged);
        var ids = people.Select(s => s.Id);
        var users = await people.AsNoTracking().OrderBy(s => s.DisplayName).ToListAsync(cancellationToken);

        var therapists = await db.StaffMembers.AsNoTracking()
            .Where(s => s.OrganisationId == scope.OrganisationId)
            .ToDictionaryAsync(s => s.Id, s => s.DisplayName, cancellationToken);

        var nextSessions = await db.TherapySessions.AsNoTracking()
            .Where(t => ids.Contains(t.ServiceUserId) && t.Status == SessionStatus.Scheduled && t.StartsAtUtc >= now)
            .GroupBy(t => t.ServiceUserId)
            .Select(g => new { g.Key, Next = g.Min(t => t.StartsAtUtc) })
            .ToDictionaryAsync(x => x.Key, x => x.Next, cancellationToken);

        // A day of slack either side of the 14 local days, whatever the person's time zone.
        var since = now.AddDays(-(ReplyRateDays + 1));
        var checkIns = (await db.CheckIns.AsNoTracking()
                .Where(c => ids.Contains(c.ServiceUserId) && c.DueAtUtc >= since)
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ServiceUserId);

        var moodSince = LocalTimes.LocalDate(now, "UTC").AddDays(-90);
        var recentMoods = (await db.DiaryEntries.AsNoTracking()
                .Where(e => ids.Contains(e.ServiceUserId) && e.MoodScore != null && e.LocalDate >= moodSince)
                .Select(e => new { e.ServiceUserId, e.LocalDate, e.CreatedAtUtc, e.MoodScore, e.MoodScale })
                .ToListAsync(cancellationToken))
            .ToLookup(e => e.ServiceUserId);

        var alerts = (await access.Alerts(scope).AsNoTracking()
                .Where(a => a.AcknowledgedAtUtc == null)
                .Select(a => new { a.ServiceUserId, a.Severity, a.Kind, a.Subjects, a.Caution, a.CreatedAtUtc, a.LatestReplyAtUtc })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.ServiceUserId);

        var rows = new List<CaseloadRow>(users.Count);
        foreach (var user in users)
        {
            var today = LocalTimes.LocalDate(now, user.TimeZoneId);
            var replies = ReplyCounts.For(checkIns[user.Id], new DateRange(today.AddDays(1 - ReplyRateDays), today), today);
            var moods = recentMoods[user.Id].OrderByDescending(e => e.LocalDate).ThenByDescending(e => e.CreatedAtUtc).Take(2).ToList();
            var direction = MoodDirection.Unknown;
            if (moods.Count == 2)
            {
                var latest = moods[0].MoodScale.ToTenPointScale(moods[0].MoodScore!.Value);
                var previous = moods[1].MoodScale.ToTenPointScale(moods[1].MoodScore!.Value);
                direction = Math.Abs(latest - previous) < SummaryBuilder.SteadyBand ? MoodDirection.Same : latest > previous ? MoodDirection.Up : MoodDirection.Down;
            }

            var open = alerts[user.Id].ToList();
            var highest = open.Count > 0 ? open.Max(a => a.Severity) : (RiskLevel?)null;
            var top = open.Where(a => a.Severity == highest).ToList();
            rows.Add(new CaseloadRow(
                user,
                user.TherapistId is { } t && therapists.TryGetValue(t, out var name) ? name : null,
                nextSessions.TryGetValue(user.Id, out var next) ? next : null,
                replies.Rate,
                replies.Sent,
                moods.Count > 0 ? MoodLevels.Display(moods[0].MoodScale, moods[0].MoodScore!.Value) : null,
                moods.Count > 0 ? moods[0].LocalDate : null,
                direction,
                open.Count,
                highest,
                top.Count > 0 ? top.Max(a => a.LatestReplyAtUtc ?? a.CreatedAtUtc) : null,
                open.Where(a => a.Kind == AlertKind.Safeguarding).Aggregate(ContactCaution.None, (caution, a) => caution | a.Caution),
                [.. top.Where(a => a.Kind == AlertKind.Safeguarding).SelectMany(a => a.Subjects).Distinct()]));
        }

        // People with an urgent alert first, the newest urgent reply first, so a new one is never below an older alert.
        return [.. rows
            .OrderByDescending(r => r.OpenAlerts > 0)
            .ThenByDescending(r => r.HighestOpenAlert ?? RiskLevel.None)
            .ThenByDescending(r => r.LatestOpenAlertAtUtc ?? DateTime.MinValue)
            .ThenByDescending(r => r.OpenAlerts)
            .ThenBy(r => r.NextSessionUtc ?? DateTime.MaxValue)
            .ThenBy(r => r.ServiceUser.DisplayName, StringComparer.CurrentCulture)];
    }
}
