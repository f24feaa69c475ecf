using Buddy.Gateway.Hosting;
using Buddy.Gateway.Schedules;
using Microsoft.Extensions.Configuration;

namespace Buddy.Tests.Schedules;

public sealed class SchedulingSettingsTests
{
    [Fact]
    public void From_WhenNothingIsSet_UsesTheDefaults()
    {
        var settings = SchedulingSettings.From(new ConfigurationBuilder().Build());

        Assert.Equal(new SchedulingSettings(), settings);
        Assert.Equal(15, settings.DispatchIntervalSeconds);
    }

    [Theory]
    [InlineData("Scheduling:DispatchIntervalSeconds", "soon", "Scheduling:DispatchIntervalSeconds is 'soon'")]
    [InlineData("Scheduling:BatchSize", "0", "Scheduling:BatchSize is '0'")]
    [InlineData("Scheduling:Enabled", "maybe", "Scheduling:Enabled is 'maybe'")]
    [InlineData("Scheduling:HousekeepingCron", "every night", "Scheduling:HousekeepingCron 'every night'")]
    public void From_WhenASettingIsBroken_NamesIt(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var problem = Assert.Throws<BadConfigurationException>(() => SchedulingSettings.From(configuration));

        Assert.StartsWith(expected, problem.Message, StringComparison.Ordinal);
    }
}
