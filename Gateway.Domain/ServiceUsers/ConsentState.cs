namespace Buddy.Domain.ServiceUsers;

/// <summary>Whether the person agrees to receive texts. STOP sets OptedOut at once; START sets OptedIn.</summary>
public enum ConsentState
{
    OptedIn,
    OptedOut,
}
