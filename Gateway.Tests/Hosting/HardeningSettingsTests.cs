using Buddy.Gateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace Buddy.Tests.Hosting;

public sealed class HardeningSettingsTests
{
    [Fact]
    public void Read_WhenNothingIsSet_UsesTheDocumentedDefaults()
    {
        var settings = HardeningSettings.Read(new ConfigurationBuilder().Build());

        Assert.Equal(2000, settings.WebhookPermitsPerSecond);
        Assert.Equal(10, settings.SignInAttemptsPerMinute);
        Assert.Equal(600, settings.ApiRequestsPerMinute);
        Assert.Equal(65536, settings.MaxRequestBodyBytes);
        Assert.Empty(settings.KnownProxies);
        Assert.Equal(1, settings.ForwardLimit);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.ShutdownTimeout);
    }

    [Fact]
    public void Read_ReadsProxiesAsAnArrayOrACommaList()
    {
        var settings = HardeningSettings.Read(Configuration(new()
        {
            ["ReverseProxy:KnownProxies:0"] = "10.0.0.5",
            ["ReverseProxy:KnownProxies:1"] = "fd00::5",
            ["ReverseProxy:KnownNetworks"] = "10.1.0.0/16, 192.168.0.0/24",
        }));

        Assert.Equal(["10.0.0.5", "fd00::5"], settings.KnownProxies.Select(p => p.ToString()));
        Assert.Equal(["10.1.0.0/16", "192.168.0.0/24"], settings.KnownNetworks.Select(n => n.ToString()));
    }

    [Theory]
    [InlineData("RateLimiting:WebhookPermitsPerSecond", "lots")]
    [InlineData("RateLimiting:SignInAttemptsPerMinute", "-1")]
    [InlineData("Limits:MaxRequestBodyBytes", "10")]
    [InlineData("ReverseProxy:KnownProxies", "10.0.0.300")]
    [InlineData("ReverseProxy:KnownNetworks", "10.0.0.0/99")]
    [InlineData("Hosting:ShutdownTimeoutSeconds", "0")]
    public void Read_WhenAValueIsWrong_StopsStartUpNamingTheSetting(string key, string value)
    {
        var problem = Assert.Throws<BadConfigurationException>(() => HardeningSettings.Read(Configuration(new() { [key] = value })));
        Assert.StartsWith(key, problem.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
