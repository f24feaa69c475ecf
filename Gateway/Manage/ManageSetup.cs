using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Organisations;
using Buddy.Gateway.Overview;
using Buddy.Gateway.Schedules;
using Buddy.Gateway.ServiceUsers;
using Buddy.Gateway.Staff;
using Buddy.Gateway.Templates;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Buddy.Gateway.Manage;

public static class ManageSetup
{
    /// <summary>
    /// The service manager console (Pages/Manage; PagesSetup keeps the folder to service managers and admins) and the operator verbs for
    /// organisations and staff. The commands are shared with the API.
    /// </summary>
    public static IServiceCollection AddManageConsole(this IServiceCollection services)
    {
        services.TryAddScoped<ServiceUserCommands>();
        services.TryAddScoped<ScheduleCommands>();
        services.TryAddScoped<ApiKeyIssuer>();
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
