using Buddy.Domain.Goals;
using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Summaries;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Sessions;

namespace Buddy.Gateway.Dashboard;

/// <summary>What the pre-session summary page shows about one service user.</summary>
/// <param name="OpenAlerts">
/// Unacknowledged alerts other than appointment changes (which have their own place at the top), urgent first and the
/// newest reply first within a tier.
/// </param>
public sealed record SummaryView(
    ServiceUser ServiceUser,
    Organisation Organisation,
    string? TherapistName,
    SessionOverview Sessions,
    SessionSummary Summary,
    IReadOnlyList<Alert> OpenAlerts,
    bool IsDefaultPeriod)
{
    /// <summary>The replies behind each open safeguarding alert, oldest first.</summary>
    public ILookup<Guid, AlertReply> AlertReplies { get; init; } = Array.Empty<AlertReply>().ToLookup(r => r.AlertId);

    /// <summary>Open safeguarding alerts with their replies: the first thing on the summary.</summary>
    public IReadOnlyList<AlertView> SafeguardingAlerts =>
        [.. OpenAlerts.Where(a => a.Kind == AlertKind.Safeguarding).Select(a => new AlertView(a, [.. AlertReplies[a.Id]], ServiceUser.TimeZoneId))];

    /// <summary>Open alerts that are not about a reply's words (low mood streak, no replies): further down the page.</summary>
    public IReadOnlyList<AlertView> OtherAlerts =>
        [.. OpenAlerts.Where(a => a.Kind != AlertKind.Safeguarding).Select(a => new AlertView(a, [], ServiceUser.TimeZoneId))];

    /// <summary>The page of the verbatim diary shown, with the raw texts of its entries.</summary>
    public DiaryPage DiaryPage { get; init; } = new(1, [], []);

    /// <summary>"Can't make it" texts nobody has acknowledged yet, oldest first.</summary>
    public IReadOnlyList<AppointmentChangeNotice> AppointmentChanges { get; init; } = [];

    public SessionView? LastSession => Sessions.Last;

    public SessionView? NextSession => Sessions.Next;

    /// <summary>What the person wants to talk about at the next session, in their own words.</summary>
    public string? AgendaNotes => Sessions.NextAgendaNotes;

    public IReadOnlyList<GoalProgressSummary> Goals { get; init; } = [];

    public QuestionnaireOverview Questionnaires { get; init; } = new([], []);
}

/// <summary>An unacknowledged appointment-change alert and the words of the text that raised it.</summary>
public sealed record AppointmentChangeNotice(Alert Alert, string? Words);

/// <summary>One page of the diary: its 1-based <paramref name="Number"/>, the date range of every page, its lines.</summary>
public sealed record DiaryPage(int Number, IReadOnlyList<DateRange> Pages, IReadOnlyList<DiaryLine> Lines)
{
    public int Count => Math.Max(1, Pages.Count);

    /// <summary>The first and last entry date of each page of <paramref name="size"/> entries, in order.</summary>
    public static IReadOnlyList<DateRange> Ranges(IReadOnlyList<DiaryLine> diary, int size)
    {
        var ranges = new List<DateRange>((diary.Count / size) + 1);
        for (var start = 0; start < diary.Count; start += size)
        {
            var end = Math.Min(start + size, diary.Count) - 1;
            ranges.Add(new DateRange(diary[start].Entry.LocalDate, diary[end].Entry.LocalDate));
        }

        return ranges;
    }
}
