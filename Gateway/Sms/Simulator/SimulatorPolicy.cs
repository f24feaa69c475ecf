using Microsoft.AspNetCore.Authorization;

namespace Buddy.Gateway.Sms.Simulator;

/// <summary>
/// Who may use /simulator. In Development anyone may (it is the demo a newcomer opens first); anywhere else it
/// shows real service users' conversations, so only an Admin or ServiceManager.
/// </summary>
public static class SimulatorPolicy
{
    public const string Name = "Simulator";

    public static void Configure(AuthorizationPolicyBuilder policy, IHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            policy.RequireAssertion(_ => true);
        }
        else
        {
            policy.RequireRole("Admin", "ServiceManager");
        }
    }
}
