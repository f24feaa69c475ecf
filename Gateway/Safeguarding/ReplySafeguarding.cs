using Buddy.Domain.Safeguarding;

namespace Buddy.Gateway.Safeguarding;

/// <summary>
/// What safeguarding did with one text, shared by everything that may find a risk in it (its words first, then a
/// questionnaire's risk item): a second finding joins the same alert and never escalates the same text twice, and the
/// diary links its entry to the alert.
/// </summary>
public sealed class ReplySafeguarding
{
    /// <summary>The alert this text opened or joined; null while nothing risky was found.</summary>
    public Alert? Alert { get; set; }

    /// <summary>This text already escalated: its crisis and staff texts are queued.</summary>
    public bool Escalated { get; set; }
}
