namespace Buddy.Gateway.Sms.Outbox;

/// <summary>Error codes Buddy itself puts on outbox rows it withdrew or gave up on (provider codes are numeric).</summary>
public static class OutboxCancelReasons
{
    public const string OptedOut = "opted-out";
    public const string Discharged = "discharged";
    public const string NoPhone = "no-phone";
    public const string QuietHours = "quiet-hours";
    public const string TooManyAttempts = "too-many-attempts";
    public const string Withdrawn = "withdrawn";
}
