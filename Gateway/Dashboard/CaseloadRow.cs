using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;

namespace Buddy.Gateway.Dashboard;

public enum MoodDirection
{
    Unknown,
    Up,
    Same,
    Down,
}

/// <summary>One line of a caseload: enough to decide whom to look at first.</summary>
/// <param name="LatestOpenAlertAtUtc">The newest reply or alert at the highest open tier: a new urgent alert sorts first.</param>
/// <param name="OpenAlertCaution">What open safeguarding alerts say about contacting the person, shown before anything else.</param>
/// <param name="OpenAlertSubjects">Who is at risk, from open safeguarding alerts at the highest tier.</param>
public sealed record CaseloadRow(
    ServiceUser ServiceUser,
    string? TherapistName,
    DateTime? NextSessionUtc,
    double? ReplyRate14Days,
    int CheckInsSent14Days,
    string? LatestMood,
    DateOnly? LatestMoodDate,
    MoodDirection Direction,
    int OpenAlerts,
    RiskLevel? HighestOpenAlert,
    DateTime? LatestOpenAlertAtUtc = null,
    ContactCaution OpenAlertCaution = ContactCaution.None,
    IReadOnlyList<RiskSubject>? OpenAlertSubjects = null);
