using System.Globalization;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Schedules;
using Buddy.Domain.Sessions;
using Buddy.Domain.Time;
using Buddy.Gateway.Goals;
using Buddy.Gateway.Questionnaires;
using Buddy.Gateway.Sessions;

namespace Buddy.Gateway.Api;

/// <summary>A therapy session. LocalDate/LocalTime are in the service user's zone; StartsAtUtc is the same moment in UTC.</summary>
/// <param name="Location">A place, or "video" / "phone".</param>
/// <param name="AgendaNotes">What the person said they want to talk about, verbatim; null until they reply to the reminder.</param>
public sealed record SessionResource(
    Guid Id,
    DateTime StartsAtUtc,
    DateOnly LocalDate,
    string LocalTime,
    string TimeZoneId,
    string? Location,
    SessionStatus Status,
    string? AgendaNotes,
    DateTime? ReminderSentAtUtc)
{
    public static SessionResource From(SessionView s, string timeZoneId)
    {
        var local = LocalTimes.ToLocal(s.StartsAtUtc, timeZoneId);
        return new(s.Id, s.StartsAtUtc, DateOnly.FromDateTime(local.ToDateTimeUnspecified()), local.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture),
            timeZoneId, s.Location, s.Status, s.AgendaNotes, s.ReminderSentAtUtc);
    }
}

/// <summary>The body of POST /sessions (record) and PUT /sessions/{sessionId} (move): a local date and time, and where.</summary>
/// <param name="Date">yyyy-MM-dd in the service user's zone.</param>
/// <param name="Time">HH:mm (24-hour) in the service user's zone.</param>
/// <param name="Location">A place ("Riverside Centre, room 2"), or "video" / "phone".</param>
public sealed record SessionRequest(string? Date, string? Time, string? Location);

/// <summary>The body of PUT /sessions/{sessionId}/status.</summary>
/// <param name="Status">Attended, Missed or Cancelled. Attended and Missed only once the session has started.</param>
public sealed record SessionStatusRequest(SessionStatus? Status);

/// <summary>A goal in the service user's own words, its reminder rule and its latest replies.</summary>
/// <param name="ReminderDays">Day names; empty means the goal is never texted.</param>
/// <param name="ReminderTime">HH:mm in the service user's zone.</param>
/// <param name="RecentProgress">The latest replies to its reminders, newest first.</param>
public sealed record GoalResource(
    Guid Id,
    string Text,
    GoalStatus Status,
    IReadOnlyList<string> ReminderDays,
    string ReminderTime,
    DateTime? NextReminderAtUtc,
    DateTime CreatedAtUtc,
    DateTime UpdatedAtUtc,
    DateTime? AchievedAtUtc,
    IReadOnlyList<GoalProgressResource> RecentProgress)
{
    public static GoalResource From(Goal g, IReadOnlyList<GoalProgress> recent) => new(
        g.Id, g.Text, g.Status,
        [.. Enum.GetValues<DayOfWeek>().OrderBy(d => ((int)d + 6) % 7).Where(d => g.ReminderDays.Includes(d)).Select(d => d.ToString())],
        g.ReminderLocalTime.ToString("HH:mm", CultureInfo.InvariantCulture), g.NextDueAtUtc, g.CreatedAtUtc, g.UpdatedAtUtc, g.AchievedAtUtc,
        [.. recent.Select(p => new GoalProgressResource(p.LocalDate, p.Outcome, p.ReplyText, p.RecordedAtUtc))]);
}

/// <param name="Reply">The person's reply, verbatim.</param>
public sealed record GoalProgressResource(DateOnly LocalDate, GoalOutcome Outcome, string Reply, DateTime RecordedAtUtc);

/// <summary>The body of POST /goals and PUT /goals/{goalId}.</summary>
/// <param name="Text">The person's own words, at most 100 characters (it is texted back as written).</param>
/// <param name="ReminderDays">Day names ("Monday"...); empty or omitted: never texted.</param>
/// <param name="ReminderTime">HH:mm in the service user's zone.</param>
public sealed record GoalRequest(string? Text, IReadOnlyList<string>? ReminderDays, string? ReminderTime);

/// <summary>The body of PUT /goals/{goalId}/status.</summary>
/// <param name="Status">Active (resume), Paused, Achieved (completed) or Archived.</param>
public sealed record GoalStatusRequest(GoalStatus? Status);

/// <summary>One questionnaire sent by text: its progress and, once completed, its total and published severity band.</summary>
public sealed record QuestionnaireRunResource(
    Guid Id,
    QuestionnaireKind Kind,
    string Name,
    QuestionnaireStatus Status,
    QuestionnaireSource Source,
    DateTime StartedAtUtc,
    DateTime ExpiresAtUtc,
    DateTime? CompletedAtUtc,
    int Answered,
    int ItemCount,
    int? TotalScore,
    int MaxScore,
    Severity? Severity,
    string? SeverityLabel,
    bool RiskFlagged)
{
    public static QuestionnaireRunResource From(QuestionnaireRunView view, DateTime nowUtc)
    {
        var run = view.Run;
        var definition = QuestionnaireDefinitions.For(run.Kind);
        return new(run.Id, run.Kind, definition.Name, view.StatusAt(nowUtc), run.Source, run.StartedAtUtc, run.ExpiresAtUtc, run.CompletedAtUtc,
            view.Answered, view.ItemCount, run.TotalScore, definition.MaxScore, run.Severity, run.Severity?.Label(), run.RiskFlagged);
    }
}

/// <summary>The body of POST /questionnaires: send one now.</summary>
/// <param name="Kind">Phq9 or Gad7 (PHQ-9 and GAD-7 are accepted too).</param>
public sealed record SendQuestionnaireRequest(string? Kind);

/// <summary>An every-N-weeks questionnaire schedule.</summary>
public sealed record QuestionnaireScheduleResource(
    Guid Id, QuestionnaireKind Kind, string Name, int EveryWeeks, string LocalTime, DateTime NextDueAtUtc, bool IsEnabled, DateTime UpdatedAtUtc)
{
    public static QuestionnaireScheduleResource From(QuestionnaireSchedule s) => new(
        s.Id, s.Kind, QuestionnaireDefinitions.For(s.Kind).Name, s.EveryWeeks, s.LocalTime.ToString("HH:mm", CultureInfo.InvariantCulture),
        s.NextDueAtUtc, s.IsEnabled, s.UpdatedAtUtc);
}

/// <summary>The body of PUT /questionnaire-schedules/{kind}.</summary>
/// <param name="EveryWeeks">1 to 26.</param>
/// <param name="FirstDate">yyyy-MM-dd in the service user's zone: today or later.</param>
/// <param name="LocalTime">HH:mm in the service user's zone.</param>
public sealed record QuestionnaireScheduleRequest(int? EveryWeeks, string? FirstDate, string? LocalTime);
