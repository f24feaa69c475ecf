using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Identity;
using Buddy.Gateway.Manage;

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
            options.Conventions.AllowAnonymousToFolder("/Errors");
            options.Conventions.AuthorizeFolder("/Dashboard", BuddyPolicies.Staff);
            options.Conventions.AuthorizeFolder("/Manage", BuddyPolicies.Manager);
        }).AddMvcOptions(options =>
        {
            options.MarkExpiredForms();
            FormMessages.Use(options.ModelBindingMessageProvider);
        });
        return services;
    }

    public static WebApplication MapBuddyPages(this WebApplication app)
    {
        app.UseStatusPages();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization(); // between routing and endpoints, so page and endpoint policies apply
        app.MapRazorPages();
        return app;
    }
}
