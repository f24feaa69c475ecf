using Buddy.Domain.ServiceUsers;

namespace Buddy.Domain.Privacy;

/// <summary>
/// How long Buddy keeps identifiable content. Buddy is not the record of truth: what matters clinically is
/// exported and filed in the clinical record (which the NHS Records Management Code keeps for 20 years for
/// mental health), so Buddy removes names, numbers and words once a person has been discharged for a while.
/// </summary>
public sealed record RetentionPolicy(int RetainAfterDischargeDays, int RetainUnmatchedInboundDays)
{
    public const int DefaultRetainAfterDischargeDays = 365;
    public const int DefaultRetainUnmatchedInboundDays = 90;

    public static RetentionPolicy Default { get; } = new(DefaultRetainAfterDischargeDays, DefaultRetainUnmatchedInboundDays);

    /// <summary>People discharged at or before this instant are due for anonymisation.</summary>
    public DateTime DischargeCutoff(DateTime nowUtc) => nowUtc.AddDays(-RetainAfterDischargeDays);

    /// <summary>Texts from unknown numbers received at or before this instant lose their number and words.</summary>
    public DateTime UnmatchedInboundCutoff(DateTime nowUtc) => nowUtc.AddDays(-RetainUnmatchedInboundDays);

    /// <summary>
    /// True when this person's identifiable content should go now: discharged (status and date both say so)
    /// long enough ago, and not already anonymised or erased. Someone re-referred is Active again, so never due.
    /// </summary>
    public bool IsDue(ServiceUser serviceUser, DateTime nowUtc) =>
        serviceUser.Status == ServiceUserStatus.Discharged
        && serviceUser.DischargedAtUtc is { } discharged
        && discharged <= DischargeCutoff(nowUtc)
        && serviceUser.AnonymisedAtUtc is null
        && serviceUser.ErasedAtUtc is null;
}
