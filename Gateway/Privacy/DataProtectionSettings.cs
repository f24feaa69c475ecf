using Buddy.Domain.Privacy;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// The "DataProtection" section, bound and checked at start-up (AddPrivacy); a bad value stops start-up naming the
/// setting. <see cref="Policy"/> is what the retention sweep uses.
/// </summary>
public sealed class DataProtectionSettings
{
    public const string Section = "DataProtection";
    public const int MaxDays = 36_500;

    public int RetainAfterDischargeDays { get; set; } = RetentionPolicy.DefaultRetainAfterDischargeDays;

    public int RetainUnmatchedInboundDays { get; set; } = RetentionPolicy.DefaultRetainUnmatchedInboundDays;

    public RetentionPolicy Policy => new(RetainAfterDischargeDays, RetainUnmatchedInboundDays);
}
