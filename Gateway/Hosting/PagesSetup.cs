namespace Buddy.Gateway.Hosting;

public static class PagesSetup
{
    /// <summary>Razor Pages for the dashboard, the manager console and the SMS simulator.</summary>
    public static IServiceCollection AddBuddyPages(this IServiceCollection services)
    {
        services.AddRazorPages();
        return services;
    }

    public static WebApplication MapBuddyPages(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthorization(); // between routing and endpoints, so [Authorize] policies (e.g. "Simulator") apply
        app.MapRazorPages();
        return app;
    }
}
