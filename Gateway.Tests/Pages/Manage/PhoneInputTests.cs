using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Buddy.Tests.Api;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Manage;

/// <summary>
/// Every place a person types a phone number reads it the same way: national numbers in the organisation's
/// country, stored in E.164, only mobiles (they are texted), and a refusal that names the problem.
/// </summary>
public sealed class PhoneInputTests
{
    [Theory]
    [InlineData("07700 900555")]
    [InlineData("+44 (0)7700 900555")]
    [InlineData("0044 7700-900-555")]
    [InlineData("(07700) 900555")]
    public async Task CreateServiceUser_WhenNumberTypedNationallyOrWithTrunkZero_StoresE164(string typed)
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/ServiceUsers/Create");

        using var response = await client.SubmitAsync(page.FormWithButton("Add service user"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Casey New",
            ["Input.Phone"] = typed,
            ["Schedule.LocalTime"] = "18:30",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = world.CreateContext();
        Assert.Equal("+447700900555", (await db.ServiceUsers.SingleAsync(s => s.DisplayName == "Casey New")).PhoneE164);
    }

    [Fact]
    public async Task CreateStaff_WhenAlertPhoneIsNational_StoresE164()
    {
        await using var world = await DashboardWorld.CreateAsync();

        using var response = await AddStaffAsync(world, "07700 900777");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = world.CreateContext();
        Assert.Equal("+447700900777", (await db.StaffMembers.SingleAsync(s => s.Email == "pat@northshire.example")).AlertPhone);
    }

    [Fact]
    public async Task CreateStaff_WhenAlertPhoneIsALandline_SaysSoAndCreatesNobody()
    {
        await using var world = await DashboardWorld.CreateAsync();

        using var response = await AddStaffAsync(world, "0161 496 0000");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await HtmlForms.ParseAsync(response);
        Assert.Contains("That is a landline number", result.QuerySelector("#Input_AlertPhone-error")!.TextContent);
        await using var db = world.CreateContext();
        Assert.False(await db.StaffMembers.AnyAsync(s => s.Email == "pat@northshire.example"));
    }

    [Theory]
    [InlineData("07700 900888", "+447700900888", null)]
    [InlineData("0800 123 4567", null, "That is a freephone number")]
    [InlineData("07700 90088", null, "Too few digits for a UK mobile number")]
    public async Task OrganisationDutyPhone_IsReadNationallyAndMustBeAMobile(string typed, string? stored, string? problem)
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/Organisation");

        using var response = await client.SubmitAsync(page.FormWithButton("Save settings"), new Dictionary<string, string>
        {
            ["Input.DutyContactPhone"] = typed,
        });

        await using var db = world.CreateContext();
        var saved = (await db.Organisations.SingleAsync(o => o.Id == world.OrgA.Id)).DutyContactPhone;
        if (problem is null)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(stored, saved);
        }
        else
        {
            var result = await HtmlForms.ParseAsync(response);
            Assert.Contains(problem, result.QuerySelector("#Input_DutyContactPhone-error")!.TextContent);
            Assert.Null(saved);
        }
    }

    private static async Task<HttpResponseMessage> AddStaffAsync(DashboardWorld world, string alertPhone)
    {
        var client = await world.SignedInAsync(world.ManagerA);
        var page = await client.GetDocumentAsync("/Manage/Staff/Create");
        return await client.SubmitAsync(page.FormWithButton("Add staff member"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Pat Duty",
            ["Input.Email"] = "pat@northshire.example",
            ["Input.AlertPhone"] = alertPhone,
            ["Input.Password"] = DashboardWorld.Password,
        });
    }

    [Fact]
    public async Task ApiPost_WhenNumberIsNational_StoresAndReturnsE164()
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).PostAsJsonAsync("/api/v1/service-users", new
        {
            serviceUser = new { displayName = "Casey New", phone = "+44 (0)7700 900556" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("+447700900556", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
    }

    [Theory]
    [InlineData("020 7946 0556", "That is a landline number")]
    [InlineData("+999999999999", "No country has the dialling code")]
    [InlineData("077009005567", "Too many digits for a UK mobile number")]
    public async Task ApiPost_WhenNumberCannotBeTexted_Returns400NamingTheProblem(string typed, string problem)
    {
        await using var world = await ApiWorld.CreateAsync();

        using var response = await world.Client(world.KeyA).PostAsJsonAsync("/api/v1/service-users", new
        {
            serviceUser = new { displayName = "Casey New", phone = typed },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(problem, errors.GetProperty("serviceUser.phone")[0].GetString(), StringComparison.Ordinal);
        await using var db = world.CreateContext();
        Assert.False(await db.ServiceUsers.AnyAsync(s => s.DisplayName == "Casey New"));
    }

    [Fact]
    public async Task ApiPost_WhenTheOrganisationIsInFrance_ReadsNationalNumbersAsFrench()
    {
        await using var world = await ApiWorld.CreateAsync();
        await using (var db = world.CreateContext())
        {
            await db.Organisations.Where(o => o.Id == world.OrgA.Id).ExecuteUpdateAsync(o => o.SetProperty(x => x.CountryCode, "FR"));
        }

        using var response = await world.Client(world.KeyA).PostAsJsonAsync("/api/v1/service-users", new
        {
            serviceUser = new { displayName = "Camille", phone = "06 12 34 56 78", timeZoneId = "Europe/Paris" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("+33612345678", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("phone").GetString());
    }
}
