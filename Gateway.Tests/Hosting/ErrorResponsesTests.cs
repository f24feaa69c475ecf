using System.Net;
using Buddy.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Buddy.Tests.Hosting;

/// <summary>
/// The error answers on their own: a host with only <see cref="ErrorResponses"/> and endpoints that fail the way
/// Buddy's can (the database outage end to end: Faults/DatabaseOutageTests).
/// </summary>
public sealed class ErrorResponsesTests
{
    private const string Detail = "secret detail +447700900123";

    [Fact]
    public async Task Page_WhenSomethingUnexpectedFails_Answers500WithAPlainPageAndNoDetail()
    {
        await using var app = await StartAsync(Environments.Production);

        using var response = await app.GetTestClient().GetAsync(new Uri("/boom", UriKind.Relative));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null(response.Headers.RetryAfter);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html, StringComparison.Ordinal);
        Assert.Contains("Reference:", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Detail, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Api_WhenTheDatabaseIsBusy_Answers503ProblemJsonWithRetryAfter()
    {
        await using var app = await StartAsync(Environments.Production);

        using var response = await app.GetTestClient().GetAsync(new Uri("/api/database", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();
        Assert.Contains("Buddy cannot reach its database", json, StringComparison.Ordinal);
        Assert.DoesNotContain(Detail, json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_KeepsTheDetailedExceptionPage()
    {
        await using var app = await StartAsync(Environments.Development);

        using var response = await app.GetTestClient().GetAsync(new Uri("/boom", UriKind.Relative));

        Assert.Contains(Detail, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(string environment)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseErrorResponses();
        app.MapGet("/boom", string () => throw new InvalidOperationException(Detail));
        app.MapGet("/api/database", string () => throw new SqliteException(Detail, 5)); // SQLITE_BUSY
        await app.StartAsync();
        return app;
    }
}
