using Buddy.Gateway.Audit;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Organisations;
using Buddy.Gateway.Overview;
using Buddy.Gateway.Staff;
using Buddy.Gateway.Templates;

namespace Buddy.Gateway.Manage;

public static class ManageSetup
{
    /// <summary>
    /// The service manager console (Pages/Manage; PagesSetup keeps the folder to service managers and admins) and the operator verbs for
    /// organisations and staff. The service-user and API-key commands are their features' own (AddServiceUsers, AddApiKeys).
    /// </summary>
    public static IServiceCollection AddManageConsole(this IServiceCollection services)
    {
        services.AddScoped<StaffCommands>();
        services.AddScoped<StaffChanges>();
        services.AddScoped<PasswordResets>();
        services.AddScoped<TemplateCommands>();
        services.AddScoped<PreviewNames>();
        services.AddScoped<OrganisationCommands>();
        services.AddScoped<ServiceOverviewQuery>();
        services.AddScoped<AuditLogQuery>();
        services.AddScoped<ICommandVerb, CreateOrganisationVerb>();
        services.AddScoped<ICommandVerb, CreateStaffVerb>();
        return services;
    }
}
