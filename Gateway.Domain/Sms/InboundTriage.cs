using Buddy.Domain.Safeguarding;

namespace Buddy.Domain.Sms;

/// <summary>
/// Which stored texts jump the inbound queue: a high-risk reply (it must reach a human quickly, not wait behind
/// a burst of routine replies) and an opt-out or help keyword (STOP must take effect before any further routine
/// text). Cheap enough to run at reception on every text.
/// </summary>
public static class InboundTriage
{
    public static bool IsUrgent(RiskDetector detector, string? body, string? providerOptOutType) =>
        SmsKeywords.Classify(body, providerOptOutType, senderIsOptedOut: false) is SmsKeyword.OptOut or SmsKeyword.Help
        || detector.Assess(body).Level == RiskLevel.High;
}
