using Buddy.Domain.Safeguarding;

namespace Buddy.Domain.Summaries;

/// <summary>Alert kinds in the words staff use.</summary>
public static class AlertWords
{
    public static string Kind(AlertKind kind) => kind switch
    {
        AlertKind.Safeguarding => "Safeguarding",
        AlertKind.LowMoodStreak => "Low mood streak",
        AlertKind.NoReply => "No replies",
        AlertKind.Deterioration => "Mood deteriorating",
        AlertKind.AppointmentChange => "Session change request",
        _ => kind.ToString(),
    };
}
