using Buddy.Gateway.Conversations;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Identity;

namespace Buddy.Gateway.Demo;

public static class DemoServiceCollectionExtensions
{
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddScoped<DemoSeeder>();
        services.AddScoped<ICommandVerb, SeedDemoVerb>();
        if (DemoClock.IsAllowed(configuration, environment))
        {
            services.AddDemoClock();
        }

        return services;
    }

    /// <summary>
    /// The demo clock becomes everyone's <see cref="TimeProvider"/> (registered after TimeProvider.System, so it
    /// wins), except sign-in: cookies and security-stamp checks keep real time, so jumping a day ahead in the
    /// simulator does not sign the therapist out of the summary they are watching.
    /// </summary>
    private static void AddDemoClock(this IServiceCollection services)
    {
        services.TryAddKeyedSingleton(DemoClock.RealTimeKey, TimeProvider.System);
        services.AddSingleton(sp => new DemoClock(sp.GetRequiredKeyedService<TimeProvider>(DemoClock.RealTimeKey)));
        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>());
        services.AddScoped<DemoTimeTravel>();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>>(sp => new PostConfigureOptions<CookieAuthenticationOptions, TimeProvider>(
            null, sp.GetRequiredKeyedService<TimeProvider>(DemoClock.RealTimeKey), (options, real) => options.TimeProvider = real));
        services.AddSingleton<IPostConfigureOptions<SecurityStampValidatorOptions>>(sp => new PostConfigureOptions<SecurityStampValidatorOptions, TimeProvider>(
            null, sp.GetRequiredKeyedService<TimeProvider>(DemoClock.RealTimeKey), (options, real) => options.TimeProvider = real));
    }

    /// <summary>
    /// After a restart the demo carries on at its own time instead of falling back to real time (where every text
    /// of the days it had lived through would already be done): anything the database recorded later than the real
    /// clock was written under the demo clock, so the clock resumes at the latest such moment.
    /// </summary>
    public static async Task ResumeDemoClockAsync(this WebApplication app, CancellationToken cancellationToken = default)
    {
        if (app.Services.GetService<DemoClock>() is not { } clock)
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BuddyDbContext>();
        var lastSent = await db.OutboundMessages.MaxAsync(m => (DateTime?)m.CreatedAtUtc, cancellationToken);
        var lastReceived = await db.InboundMessages.MaxAsync(m => (DateTime?)m.ReceivedAtUtc, cancellationToken);
        if (new[] { lastSent, lastReceived }.Max() is { } latest && latest > clock.GetUtcNow().UtcDateTime)
        {
            clock.AdvanceTo(latest);
            app.Logger.LogInformation("Demo clock resumed at {DemoNow:u}, {Ahead} ahead of real time", latest, clock.Offset);
        }
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
