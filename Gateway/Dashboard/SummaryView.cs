using Buddy.Domain.Organisations;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Summaries;

namespace Buddy.Gateway.Dashboard;

/// <summary>What the pre-session summary page shows about one service user.</summary>
public sealed record SummaryView(
    ServiceUser ServiceUser,
    Organisation Organisation,
    string? TherapistName,
    TherapySession? LastSession,
    TherapySession? NextSession,
    SessionSummary Summary,
    IReadOnlyList<Alert> OpenAlerts,
    bool IsDefaultPeriod);
