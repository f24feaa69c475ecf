using Buddy.Domain.Diary;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Summaries;
using Buddy.Domain.Time;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Dashboard;

/// <summary>
/// Loads what a pre-session summary needs, in scope, and builds it: one query per concern (no query per entry),
/// untracked. The session cycle's parts (agenda notes, appointment-change notices, goal progress, questionnaire
/// scores) come from the same queries the session-cycle pages use, over the summary's period.
/// </summary>
public sealed class SummaryQuery(
    BuddyDbContext db, CaseloadAccess access, SessionQueries sessions, GoalQueries goals, QuestionnaireQueries questionnaires, TimeProvider clock)
{
    /// <summary>The longest range a summary or export may cover: enough for a long course of therapy.</summary>
    public const int MaximumDays = 3 * 366;

    /// <summary>
    /// Diary entries shown on one page of the summary. A since-the-last-session period fits on one; a chosen
    /// period of months or years is read page by page, in order, with every entry on some page.
    /// </summary>
    public const int DiaryPageSize = 100;

    /// <summary>
    /// The summary for <paramref name="from"/>..<paramref name="to"/> (local dates), or since the last session when
    /// both are null, showing page <paramref name="diaryPage"/> of the verbatim diary. Null when the service user is
    /// outside the scope (the caller answers 404).
    /// </summary>
    public async Task<SummaryView?> LoadAsync(
        CaseloadScope scope, Guid serviceUserId, DateRange? chosen, int diaryPage = 1, CancellationToken cancellationToken = default)
    {
        var person = await access.FindAsync(scope, serviceUserId, cancellationToken);
        if (person is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = LocalTimes.LocalDate(now, person.TimeZoneId);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == person.OrganisationId, cancellationToken);
        var overview = await sessions.GetOverviewAsync(person.OrganisationId, person.Id, now, cancellationToken);

        // Since the last session up to today: nothing can have been written between now and the next session yet.
        var period = chosen ?? DateRange.SinceLastSession(
            overview.Last is { } last ? LocalTimes.LocalDate(last.StartsAtUtc, person.TimeZoneId) : null,
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

        // Entries reach back far enough for the baseline and the previous period the trend compares with; of those
        // earlier days only the scores are read, so only the score columns are loaded (half the rows of a long period).
        var entriesFrom = period.From.AddDays(-Math.Max(input.BaselineDays, period.Days));
        var entries = await db.DiaryEntries.AsNoTracking()
            .Where(e => e.ServiceUserId == person.Id && e.OrganisationId == person.OrganisationId && e.LocalDate >= period.From && e.LocalDate <= period.To)
            .ToListAsync(cancellationToken);
        entries.AddRange(await db.DiaryEntries.AsNoTracking()
            .Where(e => e.ServiceUserId == person.Id && e.OrganisationId == person.OrganisationId && e.LocalDate >= entriesFrom && e.LocalDate < period.From && e.MoodScore != null)
            .Select(e => new DiaryEntry { Id = e.Id, LocalDate = e.LocalDate, MoodScore = e.MoodScore, MoodScale = e.MoodScale, CreatedAtUtc = e.CreatedAtUtc })
            .ToListAsync(cancellationToken));
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

        // Raw texts are loaded below for the diary page shown, not for every entry of a long period.
        var summary = SummaryBuilder.Build(input with
        {
            Entries = entries,
            CheckIns = checkIns,
            Alerts = [.. alerts.Where(a => a.CreatedAtUtc >= alertsFrom && a.CreatedAtUtc < alertsTo)],
        });
        var page = await DiaryPageAsync(person.Id, summary.Diary, diaryPage, cancellationToken);

        var therapistName = person.TherapistId is { } therapistId
            ? await db.StaffMembers.AsNoTracking().Where(s => s.Id == therapistId).Select(s => s.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;

        // Goals and questionnaires over the same days, as UTC instants in the person's zone.
        var fromUtc = LocalTimes.ToUtc(period.From, TimeOnly.MinValue, person.TimeZoneId);
        var toUtc = LocalTimes.ToUtc(period.To.AddDays(1), TimeOnly.MinValue, person.TimeZoneId);
        var goalProgress = await goals.GetProgressAsync(person.OrganisationId, person.Id, fromUtc, toUtc, cancellationToken);
        var scores = await questionnaires.GetOverviewAsync(person.OrganisationId, person.Id, fromUtc, toUtc, cancellationToken);

        var open = AlertView.UrgentFirst(alerts.Where(a => a.AcknowledgedAtUtc == null), a => a).ToList();
        var alertReplies = await AlertView.RepliesAsync(db, [.. open.Where(a => a.Kind == AlertKind.Safeguarding).Select(a => a.Id)], cancellationToken);
        var changes = open.Where(a => a.Kind == AlertKind.AppointmentChange).OrderBy(a => a.CreatedAtUtc).ToList();
        var changeIds = changes.Where(a => a.InboundMessageId != null).Select(a => a.InboundMessageId).ToList();
        var changeWords = changeIds.Count == 0
            ? []
            : await db.InboundMessages.AsNoTracking()
                .Where(m => m.ServiceUserId == person.Id && changeIds.Contains(m.Id))
                .Select(m => new { m.Id, m.Body })
                .ToDictionaryAsync(m => m.Id, m => m.Body, cancellationToken);

        return new SummaryView(
            person,
            organisation,
            therapistName,
            overview,
            summary,
            [.. open.Where(a => a.Kind != AlertKind.AppointmentChange)],
            chosen is null)
        {
            DiaryPage = page,
            AlertReplies = alertReplies,
            AppointmentChanges = [.. changes.Select(a => new AppointmentChangeNotice(a, a.InboundMessageId is { } id ? changeWords.GetValueOrDefault(id) : null))],
            Goals = goalProgress,
            Questionnaires = scores,
        };
    }

    /// <summary>One page of the diary (1-based, clamped to the pages there are) with the raw texts of its entries.</summary>
    private async Task<DiaryPage> DiaryPageAsync(Guid serviceUserId, IReadOnlyList<DiaryLine> diary, int number, CancellationToken cancellationToken)
    {
        var pages = DiaryPage.Ranges(diary, DiaryPageSize);
        number = Math.Clamp(number, 1, Math.Max(1, pages.Count));
        var lines = diary.Skip((number - 1) * DiaryPageSize).Take(DiaryPageSize).ToList();
        if (lines.Count == 0)
        {
            return new DiaryPage(number, pages, lines);
        }

        // One query for the page's raw texts, matched to their entries here.
        var ids = lines.Select(l => (Guid?)l.Entry.Id).ToList();
        var replies = (await db.InboundMessages.AsNoTracking()
                .Where(m => m.ServiceUserId == serviceUserId && ids.Contains(m.DiaryEntryId))
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.ReceivedAtUtc)
            .ToLookup(m => m.DiaryEntryId!.Value);
        return new DiaryPage(number, pages, [.. lines.Select(l => l with { RawReplies = [.. replies[l.Entry.Id]] })]);
    }
}
