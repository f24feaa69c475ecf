using Buddy.Domain.Safeguarding;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Sessions;

namespace Buddy.Gateway.Dashboard;

/// <summary>
/// Everything the session-cycle screen shows for one service user (sessions and change requests, goals,
/// questionnaires, the check-in style), with the three forms as typed. Built by <see cref="CycleScreenQuery"/>
/// for the page that shows it and for each page that takes a change and shows its refusal.
/// </summary>
public sealed class CycleScreen
{
    public required ServiceUser Person { get; init; }
    public string? TherapistName { get; init; }
    public DateTime NowUtc { get; init; }
    public IReadOnlyList<SessionView> Sessions { get; init; } = [];
    public IReadOnlyList<ChangeNotice> Notices { get; init; } = [];
    public IReadOnlyList<GoalListItem> Goals { get; init; } = [];
    public IReadOnlyList<QuestionnaireSchedule> QuestionnaireSchedules { get; init; } = [];
    public IReadOnlyList<QuestionnaireRunView> Runs { get; init; } = [];

    /// <summary>Null when the person has no check-in schedule (a manager sets one up first).</summary>
    public bool? TwoStep { get; init; }

    /// <summary>A one-off confirmation after a change ("Session recorded").</summary>
    public string? Confirmation { get; init; }

    public SessionForm Session { get; set; } = new();
    public GoalForm Goal { get; set; } = new();
    public QuestionnaireScheduleForm Questionnaire { get; set; } = new();

    public string Zone => Person.TimeZoneId;

    public string Local(DateTime utc) => LocalDisplay.DateTime(utc, Zone);

    public SessionView? NextSession => Sessions.Where(s => s.Status == SessionStatus.Scheduled && s.StartsAtUtc > NowUtc).MinBy(s => s.StartsAtUtc);

    public static string Weeks(int weeks) => weeks == 1 ? "week" : $"{weeks} weeks";

    /// <param name="Reply">The text that raised it, verbatim.</param>
    public sealed record ChangeNotice(Alert Alert, string? Reply, string? AcknowledgedBy);
}
