using System.Net;
using Buddy.Domain.Staff;
using Buddy.Gateway.Identity;
using Buddy.Tests.Dashboard;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Buddy.Tests.Support;

/// <summary>Staff members with sign-in accounts on any test gateway, and clients signed in through the real form.</summary>
public static class StaffLogins
{
    public const string Password = DashboardWorld.Password;

    /// <summary>Adds a staff member of the organisation and their account (through the gateway's own StaffAccounts).</summary>
    public static async Task<StaffMember> AddAsync(WebApplicationFactory<Program> gateway, TestDatabase database, Guid organisationId, StaffRole role)
    {
        var staff = new StaffMember
        {
            OrganisationId = organisationId,
            DisplayName = $"{role} {Guid.NewGuid():N}"[..20],
            Email = $"{role}.{Guid.NewGuid():N}@example.nhs.uk".ToLowerInvariant(),
            Role = role,
            CreatedAtUtc = DateTime.UtcNow,
        };
        await using (var db = database.CreateContext())
        {
            db.StaffMembers.Add(staff);
            await db.SaveChangesAsync();
        }

        await using var scope = gateway.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().CreateAsync(staff, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return staff;
    }

    /// <summary>A client signed in as <paramref name="staff"/> that keeps cookies and does not follow redirects.</summary>
    public static async Task<HttpClient> SignedInAsync(WebApplicationFactory<Program> gateway, StaffMember staff)
    {
        var client = gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var response = await DashboardWorld.SignInAsync(client, staff.Email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
