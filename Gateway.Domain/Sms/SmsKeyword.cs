namespace Buddy.Domain.Sms;

/// <summary>The reserved words every conversation honours before anything else looks at a reply.</summary>
public enum SmsKeyword
{
    None,
    OptOut,
    OptIn,
    Help,
}
