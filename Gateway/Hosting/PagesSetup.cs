using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Identity;

namespace Buddy.Gateway.Hosting;

public static class PagesSetup
{
    /// <summary>
    /// Razor Pages for the dashboard, the manager console and the SMS simulator, behind staff sign-in: every
    /// page requires a signed-in user unless it is explicitly anonymous.
    /// </summary>
    public static IServiceCollection AddBuddyPages(this IServiceCollection services)
    {
        services.AddBuddyIdentity();
        services.AddScoped<CaseloadAccess>();
        services.AddScoped<AuditTrail>();
        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToFolder("/Account");
            options.Conventions.AuthorizeFolder("/Dashboard", BuddyPolicies.Staff);
            options.Conventions.AuthorizeFolder("/Manage", BuddyPolicies.Manager);
        });
        return services;
    }

    public static WebApplication MapBuddyPages(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization(); // between routing and endpoints, so page and endpoint policies apply
        app.MapRazorPages();
        return app;
    }
}
