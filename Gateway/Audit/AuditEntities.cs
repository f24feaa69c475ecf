namespace Buddy.Gateway.Audit;

/// <summary>
/// The entity types an audit row names, spelled one way. Rows written before these constants existed may say
/// "service-user" or "alert"; <see cref="Normalise"/> reads them as the constant they meant.
/// </summary>
public static class AuditEntities
{
    public const string ServiceUser = "ServiceUser";
    public const string CheckInSchedule = "CheckInSchedule";
    public const string Alert = "Alert";
    public const string InboundMessage = "InboundMessage";
    public const string StaffMember = "StaffMember";
    public const string ApiKey = "ApiKey";
    public const string Session = "TherapySession";
    public const string Goal = "Goal";
    public const string QuestionnaireRun = "QuestionnaireRun";
    public const string QuestionnaireSchedule = "QuestionnaireSchedule";

    private static readonly Dictionary<string, string> s_older = new(StringComparer.Ordinal)
    {
        ["service-user"] = ServiceUser,
        ["alert"] = Alert,
        ["inbound-message"] = InboundMessage,
    };

    /// <summary>The constant an older spelling meant; any other value unchanged.</summary>
    public static string? Normalise(string? entityType) =>
        entityType is not null && s_older.TryGetValue(entityType, out var current) ? current : entityType;
}
