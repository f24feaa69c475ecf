using Buddy.Gateway.Conversations;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Identity;

namespace Buddy.Gateway.Demo;

public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddDemo(this IServiceCollection services)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<ICommandVerb, SeedDemoVerb>();
        return services;
    }

    /// <summary>
    /// With <c>Demo:SeedOnStart</c> (on in Development, so the README's first command shows a working service),
    /// seeds the demo organisation once and re-arms the demo user's check-in for the next minute.
    /// </summary>
    public static async Task SeedDemoIfConfiguredAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        if (!app.Configuration.GetValue("Demo:SeedOnStart", false))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
        await seeder.SeedAsync(cancellationToken);
        await DemoLogins.CreateAsync(app.Services, cancellationToken);
        await seeder.ArmDemoCheckInAsync(cancellationToken);

        // The session cycle for the demo user: a session tomorrow, a goal reminder and a PHQ-9 in the next minutes.
        await scope.ServiceProvider.GetRequiredService<DemoCycleSeeder>().ArmAsync(cancellationToken);
        app.Logger.LogInformation(
            "Demo: sign in at /Account/SignIn as {Therapist} (therapist) or {Manager} (manager), password {Password}; texts appear at /simulator",
            DemoSeeder.TherapistEmail, DemoSeeder.ManagerEmail, DemoLogins.Password);
    }
}
