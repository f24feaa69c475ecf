using System.Globalization;
using Buddy.Domain.Audit;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Domain.Summaries;
using Buddy.Domain.Templates;

namespace Buddy.Gateway.Display;

/// <summary>
/// Every enum and code Buddy shows a person, in the words staff use: the one place pages, exports and the simulator
/// take them from, so no "ServiceManager", "CheckInSecondStep" or "service-user.viewed" reaches a screen. Alert kinds
/// and risk come from <see cref="AlertWords"/> and <see cref="RiskWords"/>, which the summary builder shares.
/// </summary>
public static class DisplayWords
{
    private static readonly DayOfWeek[] s_week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>Monday first, as a UK week is shown.</summary>
    public static IReadOnlyList<DayOfWeek> Week => s_week;

    public static string Role(StaffRole role) => role switch
    {
        StaffRole.Therapist => "Therapist",
        StaffRole.ServiceManager => "Service manager",
        StaffRole.Admin => "Administrator",
        _ => throw Unknown(role),
    };

    public static string TemplateKind(TemplateKind kind) => kind switch
    {
        Domain.Templates.TemplateKind.CheckIn => "Daily check-in",
        Domain.Templates.TemplateKind.Reminder => "Check-in reminder",
        Domain.Templates.TemplateKind.CheckInFirstStep => "Two-step check-in: first question",
        Domain.Templates.TemplateKind.CheckInSecondStep => "Two-step check-in: second question",
        Domain.Templates.TemplateKind.AppointmentReminder => "Appointment reminder",
        Domain.Templates.TemplateKind.GoalReminder => "Goal reminder",
        Domain.Templates.TemplateKind.OneOff => "One-off text",
        _ => throw Unknown(kind),
    };

    /// <summary>"every day", "weekdays", "weekends", "no days", or "Mon, Wed, Fri".</summary>
    public static string Days(CheckInDays days) => days switch
    {
        CheckInDays.None => "no days",
        CheckInDays.Everyday => "every day",
        CheckInDays.Weekdays => "weekdays",
        CheckInDays.Saturday | CheckInDays.Sunday => "weekends",
        _ => string.Join(", ", s_week.Where(d => days.Includes(d)).Select(Day)),
    };

    /// <summary>"Mon".</summary>
    public static string Day(DayOfWeek day) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedDayName(day);

    public static string Status(ServiceUserStatus status, DateOnly? pausedUntil) => status switch
    {
        ServiceUserStatus.Active => "Active",
        ServiceUserStatus.Paused when pausedUntil is { } until => $"Paused until {until.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}",
        ServiceUserStatus.Paused => "Paused (no restart date)",
        ServiceUserStatus.Discharged => "Discharged",
        _ => throw Unknown(status),
    };

    public static string Consent(ConsentState consent) => consent == ConsentState.OptedOut ? "Opted out" : "Opted in";

    public static string Session(SessionStatus status) => status switch
    {
        SessionStatus.Scheduled => "Booked",
        SessionStatus.Attended => "Attended",
        SessionStatus.Missed => "Did not attend",
        SessionStatus.Cancelled => "Cancelled",
        _ => throw Unknown(status),
    };

    public static string Questionnaire(QuestionnaireStatus status) => status switch
    {
        QuestionnaireStatus.InProgress => "In progress",
        QuestionnaireStatus.Completed => "Completed",
        QuestionnaireStatus.Expired => "Expired",
        QuestionnaireStatus.Cancelled => "Withdrawn",
        _ => throw Unknown(status),
    };

    public static string GoalStatus(GoalStatus status) => status switch
    {
        Domain.Goals.GoalStatus.Active => "Active",
        Domain.Goals.GoalStatus.Paused => "Paused",
        Domain.Goals.GoalStatus.Achieved => "Achieved",
        Domain.Goals.GoalStatus.Archived => "Set aside",
        _ => throw Unknown(status),
    };

    public static string GoalOutcome(GoalOutcome outcome) => outcome switch
    {
        Domain.Goals.GoalOutcome.Done => "done",
        Domain.Goals.GoalOutcome.Partial => "part done",
        _ => "not done",
    };

    public static string DiaryKind(DiaryEntryKind kind) => kind switch
    {
        DiaryEntryKind.CheckInReply => "Reply to a check-in",
        DiaryEntryKind.Note => "Unprompted text",
        _ => throw Unknown(kind),
    };

    /// <summary>"Urgent", "Review" or "No risk found", as <see cref="RiskWords"/> says it on every screen.</summary>
    public static string Risk(RiskLevel level) => RiskWords.Tier(level);

    public static string AlertKind(AlertKind kind) => AlertWords.Kind(kind);

    public static string CheckIn(CheckInStatus status) => status switch
    {
        CheckInStatus.Sent => "Sent, waiting for a reply",
        CheckInStatus.Answered => "Answered",
        CheckInStatus.Unanswered => "No reply",
        CheckInStatus.Missed => "Not sent (missed)",
        CheckInStatus.Skipped => "Skipped",
        _ => throw Unknown(status),
    };

    /// <summary>What a text Buddy sent was for.</summary>
    public static string TextKind(OutboundKind kind) => kind switch
    {
        OutboundKind.CheckIn => "Check-in",
        OutboundKind.Reminder => "Check-in reminder",
        OutboundKind.CheckInSecondStep => "Check-in, second question",
        OutboundKind.Crisis => "Crisis numbers",
        OutboundKind.SafeguardingAlert => "Safeguarding alert to staff",
        OutboundKind.OptOutConfirmation => "STOP confirmed",
        OutboundKind.OptInConfirmation => "START confirmed",
        OutboundKind.Help => "Reply to HELP",
        OutboundKind.OneOff => "One-off text",
        OutboundKind.AppointmentReminder => "Appointment reminder",
        OutboundKind.GoalReminder => "Goal reminder",
        OutboundKind.Questionnaire => "Questionnaire",
        OutboundKind.ConversationReply => "Reply in a conversation",
        _ => throw Unknown(kind),
    };

    /// <summary>Where a text Buddy sent has got to, as the simulator shows it.</summary>
    public static string Outbound(OutboundStatus status) => status switch
    {
        OutboundStatus.Pending => "waiting to send",
        OutboundStatus.Sending or OutboundStatus.Queued => "sending",
        OutboundStatus.Sent => "sent",
        OutboundStatus.Delivered => "delivered",
        OutboundStatus.Undelivered => "not delivered",
        OutboundStatus.Failed => "failed",
        OutboundStatus.Cancelled => "not sent",
        _ => throw Unknown(status),
    };

    /// <summary>What became of a reply, as the simulator shows it.</summary>
    public static string Inbound(InboundState state) => state switch
    {
        InboundState.Received => "received, not read yet",
        InboundState.Processed => "read",
        InboundState.Unmatched => "from an unknown number",
        InboundState.Failed => "could not be read",
        _ => throw Unknown(state),
    };

    public static string Actor(AuditActorType actor) => actor switch
    {
        AuditActorType.System => "Buddy",
        AuditActorType.Staff => "A staff member",
        AuditActorType.ApiKey => "An API key",
        AuditActorType.ServiceUser => "The service user (by text)",
        AuditActorType.Operator => "Operator (command line)",
        _ => throw Unknown(actor),
    };

    /// <summary>
    /// An audit action in words: "service-user.viewed" reads "Service user viewed". Codes with a better phrase have
    /// it here; any other code (one added later) is still turned into words rather than shown raw.
    /// </summary>
    public static string AuditAction(string action) => s_actions.TryGetValue(action, out var words) ? words : FromCode(action);

    private static readonly Dictionary<string, string> s_actions = new(StringComparer.Ordinal)
    {
        ["alert.raised"] = "Alert raised",
        ["alert.acknowledged"] = "Alert acknowledged",
        ["alerts.viewed"] = "Alerts viewed",
        ["api-key.created"] = "API key created",
        ["api-key.revoked"] = "API key revoked",
        ["caseload.viewed"] = "Caseload viewed",
        ["consent.opted-in"] = "Texted START (texts restarted)",
        ["consent.opted-out"] = "Texted STOP (texts stopped)",
        ["cycle.viewed"] = "Sessions and goals viewed",
        ["entries.exported"] = "Diary downloaded (CSV)",
        ["entries.viewed"] = "Diary viewed",
        ["inbound.unmatched-anonymised"] = "Texts from unknown numbers anonymised",
        ["message.one-off.queued"] = "One-off text queued",
        ["safeguarding.escalated"] = "Safeguarding alert escalated",
        ["schedule.check-in-style"] = "Check-in style changed",
        ["service-user.anonymised"] = "Service user anonymised (retention)",
        ["service-user.erased"] = "Service user erased on request",
        ["service-user.exported"] = "Service user's record exported",
        ["service-user.listed"] = "Service user listed (API)",
        ["staff.password-reset-issued"] = "Password reset link created",
        ["staff.password-reset"] = "Password set with a reset link",
        ["summary.viewed"] = "Summary viewed",
    };

    /// <summary>
    /// An audit event's detail as staff read it. Details written before these words existed (or by code that records
    /// an enum) name an alert kind, a role, a template kind or C# field names; those become words, and anything else
    /// (free text, dates) is shown as written.
    /// </summary>
    public static string AuditDetail(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return "";
        }

        if (Enum.TryParse<AlertKind>(detail, out var alert) && Enum.IsDefined(alert) && !int.TryParse(detail, out _))
        {
            return AlertKind(alert);
        }

        if (Enum.TryParse<StaffRole>(detail, out var role) && Enum.IsDefined(role) && !int.TryParse(detail, out _))
        {
            return Role(role);
        }

        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && Enum.TryParse<TemplateKind>(detail[..colon], out var kind) && Enum.IsDefined(kind) && !int.TryParse(detail[..colon], out _))
        {
            return TemplateKind(kind) + detail[colon..];
        }

        return detail.StartsWith("changed ", StringComparison.Ordinal)
            ? "changed " + string.Join(", ", detail["changed ".Length..].Split(", ").Select(f => s_fields.TryGetValue(f, out var words) ? words : f))
            : detail;
    }

    private static readonly Dictionary<string, string> s_fields = new(StringComparer.Ordinal)
    {
        ["DisplayName"] = "name",
        ["FirstName"] = "name used in texts",
        ["PhoneE164"] = "mobile number",
        ["TherapistId"] = "therapist",
        ["TimeZoneId"] = "time zone",
        ["Status"] = "status",
        ["PausedUntil"] = "restart date",
        ["ExternalReference"] = "record reference",
    };

    private static string FromCode(string code)
    {
        var words = code.Replace('.', ' ').Replace('-', ' ').Trim();
        return words.Length == 0 ? "Unnamed action" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    private static ArgumentOutOfRangeException Unknown<T>(T value) => new(nameof(value), value, $"No words for this {typeof(T).Name}.");
}
