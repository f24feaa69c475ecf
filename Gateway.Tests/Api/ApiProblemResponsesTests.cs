using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Buddy.Domain.Organisations;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Buddy.Tests.Api;

/// <summary>
/// Every /api error is problem+json, in Production (finding 9 of issue 13): unknown routes, wrong methods, ids that
/// are not GUIDs, form bodies and malformed JSON answer with a body that says what to do, never a 302 to the
/// sign-in page or an empty body; pages outside the range are a 400 naming the field, never page 1 again.
/// </summary>
public sealed class ApiProblemResponsesTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private ConfiguredGateway _gateway = null!;
    private string _key = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var organisation = new Organisation { Name = "Northshire Talking Therapies", CreatedAtUtc = DateTime.UtcNow };
        var (key, row) = ApiWorld.NewKey(organisation.Id, "Records system", DateTime.UtcNow);
        _key = key;
        await using (var db = _database.CreateContext())
        {
            db.AddRange(organisation, row);
            await db.SaveChangesAsync();
        }

        _gateway = new ConfiguredGateway(_database, "Production");
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/nothing", null, HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/v1/service-users/not-a-guid", null, HttpStatusCode.NotFound)]
    [InlineData("PATCH", "/api/v1/service-users/", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("DELETE", "/api/v1/therapists", null, HttpStatusCode.MethodNotAllowed)]
    [InlineData("POST", "/api/v1/service-users/", "form", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("POST", "/api/v1/service-users/", "{\"serviceUser\": {\"displayName\": ", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/v1/service-users/", "[1, 2, 3]", HttpStatusCode.BadRequest)]
    [InlineData("GET", "/api/v1/service-users/?page=abc", null, HttpStatusCode.BadRequest)]
    public async Task Error_WithAValidKey_IsProblemJsonWithAReason(string method, string url, string? body, HttpStatusCode expected)
    {
        using var response = await SendAsync(_key, method, url, body);

        await AssertProblemAsync(response, expected);
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing")]
    [InlineData("GET", "/api/v1/service-users/not-a-guid")]
    [InlineData("PATCH", "/api/v1/service-users/")]
    [InlineData("POST", "/api/v1/service-users/")]
    public async Task Error_WithoutAKey_Is401ProblemJson_NeverTheSignInPage(string method, string url)
    {
        using var response = await SendAsync(null, method, url, "form");

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/service-users/?page=2147483647", "page")]
    [InlineData("/api/v1/service-users/?page=0", "page")]
    [InlineData("/api/v1/service-users/?pageSize=0", "pageSize")]
    [InlineData("/api/v1/service-users/?pageSize=101", "pageSize")]
    [InlineData("/api/v1/alerts/?page=2147483647", "page")]
    [InlineData("/api/v1/alerts/?pageSize=1000", "pageSize")]
    public async Task List_WhenThePageIsOutOfRange_Returns400NamingTheField(string url, string field)
    {
        using var response = await SendAsync(_key, "GET", url, null);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task List_PastTheLastPage_IsEmptyWithTheTotal()
    {
        using var response = await SendAsync(_key, "GET", "/api/v1/service-users/?page=1000000&pageSize=100", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((0, 1_000_000), (list.GetProperty("items").GetArrayLength(), list.GetProperty("page").GetInt32()));
    }

    private async Task<HttpResponseMessage> SendAsync(string? key, string method, string url, string? body)
    {
        var client = _gateway.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var request = new HttpRequestMessage(new HttpMethod(method), url)
        {
            Content = body switch
            {
                null => null,
                "form" => new FormUrlEncodedContent(new Dictionary<string, string> { ["displayName"] = "Casey", ["phone"] = "+447700900555" }),
                _ => new StringContent(body, Encoding.UTF8, "application/json"),
            },
        };
        return await client.SendAsync(request);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode} {response.Headers.Location}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}
