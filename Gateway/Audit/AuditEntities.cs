namespace Buddy.Gateway.Audit;

/// <summary>
/// The entity types an audit row names, spelled one way. Rows written before these constants existed may say
/// "service-user", "alert" or "inbound-message": nothing decides anything by this column (the audit log page shows
/// the action, the actor and the service user; exports copy it as stored), so those rows read as they always did.
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
    public const string Organisation = "Organisation";
    public const string MessageTemplate = "MessageTemplate";

}
