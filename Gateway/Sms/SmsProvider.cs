namespace Buddy.Gateway.Sms;

/// <summary><c>Sms:Provider</c>: where outbound texts go.</summary>
public enum SmsProvider
{
    /// <summary>The built-in simulator (the default): texts appear at /simulator, nothing leaves the machine.</summary>
    Simulator,
    Twilio,
}
