using Buddy.Domain.Goals;
using Buddy.Domain.Organisations;
using Buddy.Domain.Sessions;
using Buddy.Domain.Summaries;
using Buddy.Gateway.Dashboard;
using Buddy.Gateway.Questionnaires;

namespace Buddy.Gateway.Api;

/// <summary>
/// The pre-session summary as JSON: the same figures the therapist's page shows. The diary is the entries
/// themselves; raw texts (which carry phone numbers) are left out. The session cycle's parts: the agenda notes for
/// the next session, unacknowledged appointment-change notices (also among the open alerts), goal progress over
/// the period and every questionnaire score with its band, trend and risk-item flag.
/// </summary>
/// <param name="LastSessionAtUtc">The last session that took place: the default period starts on its day.</param>
/// <param name="LastSessionStatus">Attended, or Scheduled when it has started but nobody has marked it attended or missed.</param>
public sealed record SummaryResource(
    Guid ServiceUserId,
    DateOnly From,
    DateOnly To,
    DateTime? LastSessionAtUtc,
    SessionStatus? LastSessionStatus,
    DateTime? NextSessionAtUtc,
    MoodScale StatsScale,
    double? Average,
    double? Low,
    double? High,
    double? PreviousAverage,
    double? TrendDelta,
    MoodTrend Trend,
    int CheckInsSent,
    int CheckInsAnswered,
    double? ReplyRate,
    IReadOnlyList<DateOnly> DaysWithoutReply,
    IReadOnlyList<MoodDay> Mood,
    IReadOnlyList<TagCount> RecurringTags,
    IReadOnlyList<NotableEvent> NotableEvents,
    Deterioration Deterioration,
    IReadOnlyList<EntryResource> Diary,
    IReadOnlyList<AlertResource> OpenAlerts,
    string? AgendaNotes,
    IReadOnlyList<AppointmentChangeResource> AppointmentChanges,
    IReadOnlyList<GoalProgressSummary> Goals,
    QuestionnaireOverview Questionnaires)
{
    public static SummaryResource Of(SummaryView view)
    {
        var s = view.Summary;
        return new SummaryResource(
            view.ServiceUser.Id, s.Period.From, s.Period.To, view.LastSession?.StartsAtUtc, view.LastSession?.Status, view.NextSession?.StartsAtUtc,
            s.StatsScale, s.Average, s.Low, s.High, s.PreviousAverage, s.TrendDelta, s.Trend,
            s.Replies.Sent, s.Replies.Answered, s.Replies.Rate, s.Replies.DaysWithoutReply,
            s.Mood, s.RecurringTags, s.NotableEvents, s.Deterioration,
            [.. s.Diary.Select(line => EntryResource.From(line.Entry))],
            [.. AlertView.UrgentFirst(view.OpenAlerts.Concat(view.AppointmentChanges.Select(c => c.Alert)), a => a)
                .Select(a => AlertResource.From(a, view.AlertReplies[a.Id]))],
            view.AgendaNotes,
            [.. view.AppointmentChanges.Select(c => new AppointmentChangeResource(c.Alert.Id, c.Alert.CreatedAtUtc, c.Alert.Summary, c.Words))],
            view.Goals,
            view.Questionnaires);
    }
}

/// <summary>"Can't make it": the alert to acknowledge, when it came and the person's words.</summary>
public sealed record AppointmentChangeResource(Guid AlertId, DateTime CreatedAtUtc, string Summary, string? Words);
