using Buddy.Gateway.Identity;
using Microsoft.AspNetCore.Authorization;

namespace Buddy.Gateway.Sms.Simulator;

/// <summary>
/// Who may use /simulator: signed-in staff, and only in Development, the one environment the simulator may run in.
/// The page then shows only the caller's own scope (a therapist's caseload, a manager's organisation), never
/// another organisation's service users.
/// </summary>
public static class SimulatorPolicy
{
    public const string Name = "Simulator";

    public static void Configure(AuthorizationPolicyBuilder policy, IHostEnvironment environment)
    {
        policy.RequireAuthenticatedUser().RequireRole(BuddyPolicies.StaffRoles);
        if (!environment.IsDevelopment())
        {
            policy.RequireAssertion(_ => false);
        }
    }
}
