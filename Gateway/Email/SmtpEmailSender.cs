using System.Net;
using System.Net.Mail;
using Buddy.Domain.Email;
using Microsoft.Extensions.Options;

namespace Buddy.Gateway.Email;

/// <summary>Sends through SMTP, or writes .eml files to a pickup folder when <c>Email:Smtp:PickupDirectory</c> is set.</summary>
internal sealed class SmtpEmailSender(IOptions<EmailSettings> options, IHostEnvironment environment) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.IsConfigured)
        {
            throw new InvalidOperationException("Email is not configured: set Email:Smtp:Host (or Email:Smtp:PickupDirectory for development).");
        }

        using var mail = new MailMessage(settings.Smtp.From, message.ToAddress, message.Subject, message.Body);
        using var client = new SmtpClient();
        if (!string.IsNullOrWhiteSpace(settings.Smtp.PickupDirectory))
        {
            var folder = Path.GetFullPath(settings.Smtp.PickupDirectory, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            client.DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory;
            client.PickupDirectoryLocation = folder;
        }
        else
        {
            client.Host = settings.Smtp.Host!;
            client.Port = settings.Smtp.Port;
            client.EnableSsl = settings.Smtp.EnableSsl;
            if (!string.IsNullOrEmpty(settings.Smtp.User))
            {
                client.Credentials = new NetworkCredential(settings.Smtp.User, settings.Smtp.Password);
            }
        }

        await client.SendMailAsync(mail, cancellationToken);
    }
}
