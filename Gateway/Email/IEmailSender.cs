using Buddy.Domain.Email;

namespace Buddy.Gateway.Email;

/// <summary>Hands one email to the mail system; throws when it could not.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
