namespace Buddy.Domain.Email;

public enum EmailStatus
{
    /// <summary>Waiting to be sent (first try, or a retry after <see cref="EmailMessage.NotBeforeUtc"/>).</summary>
    Pending,

    /// <summary>Claimed by a dispatcher that is talking to the mail server.</summary>
    Sending,
    Sent,

    /// <summary>Every retry failed; kept with its last error for a person to act on.</summary>
    Failed,
}
