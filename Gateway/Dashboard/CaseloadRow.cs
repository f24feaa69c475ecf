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
    RiskLevel? HighestOpenAlert);
