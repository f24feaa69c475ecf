using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Buddy.Gateway.Email;

public static class EmailServiceCollectionExtensions
{
    /// <summary>The email outbox: settings, the SMTP/pickup sender and the background dispatcher. Safe to call twice.</summary>
    public static IServiceCollection AddEmailOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(EmailDispatcher)))
        {
            return services;
        }

        services.AddOptions<EmailSettings>().Bind(configuration.GetSection("Email"))
            .Validate(e => e.Smtp.Port is >= 1 and <= 65535, "Email:Smtp:Port must be a port number from 1 to 65535.")
            .Validate(e => e.PollSeconds >= 1 && e.MaxAttempts >= 1, "Email:PollSeconds and Email:MaxAttempts must be at least 1.")
            .ValidateOnStart();
        services.TryAddSingleton<IEmailSender, SmtpEmailSender>();
        services.AddSingleton<EmailSignal>();
        services.AddSingleton<EmailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<EmailDispatcher>());
        return services;
    }
}
