namespace Buddy.Domain.Safeguarding;

/// <summary>
/// What the reply says about contacting the person, which staff must see before they pick up the phone: a call or a
/// text read by the wrong person can put someone at risk of abuse in more danger.
/// </summary>
[Flags]
public enum ContactCaution
{
    None = 0,

    /// <summary>Someone else reads or checks the phone ("he checks my phone").</summary>
    PhoneMayBeRead = 1,

    /// <summary>The person asked not to be called ("don't ring me").</summary>
    DoNotCall = 2,
}
