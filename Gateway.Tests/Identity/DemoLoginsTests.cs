using System.Net;
using Buddy.Domain.Staff;
using Buddy.Gateway.Identity;
using Buddy.Tests.Dashboard;

namespace Buddy.Tests.Identity;

public sealed class DemoLoginsTests
{
    [Fact]
    public async Task CreateAsync_GivesEveryActiveStaffMemberWithoutAnAccountTheDemoPassword()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var newcomer = new StaffMember { OrganisationId = world.OrgA.Id, DisplayName = "New Therapist", Email = "new@northshire.example", Role = StaffRole.Therapist };
        var leaver = new StaffMember { OrganisationId = world.OrgA.Id, DisplayName = "Gone Therapist", Email = "gone@northshire.example", Role = StaffRole.Therapist, IsActive = false };
        await using (var db = world.CreateContext())
        {
            db.AddRange(newcomer, leaver);
            await db.SaveChangesAsync();
        }

        var created = await DemoLogins.CreateAsync(world.Factory.Services);
        var again = await DemoLogins.CreateAsync(world.Factory.Services);

        Assert.Equal([newcomer.Email], created);
        Assert.Empty(again);
        using var signIn = await DashboardWorld.SignInAsync(world.CreateBrowser(), newcomer.Email, DemoLogins.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // Existing accounts keep their own password.
        using var existing = await DashboardWorld.SignInAsync(world.CreateBrowser(), world.TherapistA1.Email, DemoLogins.Password);
        Assert.Equal(HttpStatusCode.OK, existing.StatusCode);
    }
}
