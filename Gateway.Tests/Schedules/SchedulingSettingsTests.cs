using Buddy.Gateway.Hosting;
using Buddy.Gateway.Schedules;
using Microsoft.Extensions.Configuration;

namespace Buddy.Tests.Schedules;

public sealed class SchedulingSettingsTests
{
    [Fact]
    public void Read_WhenNothingIsSet_UsesTheDefaults()
    {
        var settings = Read(new ConfigurationBuilder().Build());

        Assert.Equal(new SchedulingSettings(), settings);
        Assert.Equal(15, settings.DispatchIntervalSeconds);
    }

    [Theory]
    [InlineData("Scheduling:DispatchIntervalSeconds", "soon", "Scheduling:DispatchIntervalSeconds could not be read: it must be a whole number")]
    [InlineData("Scheduling:BatchSize", "0", "Scheduling:BatchSize is '0'")]
    [InlineData("Scheduling:ReplyWindowHours", "", "Scheduling:ReplyWindowHours could not be read")] // set but empty, as every bound section treats it
    [InlineData("Scheduling:Enabled", "maybe", "Scheduling:Enabled could not be read: it must be true or false")]
    [InlineData("Scheduling:HousekeepingCron", "every night", "Scheduling:HousekeepingCron 'every night'")]
    public void Read_WhenASettingIsBroken_NamesIt(string key, string value, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var problem = Assert.Throws<BadConfigurationException>(() => Read(configuration));

        Assert.StartsWith(expected, problem.Message, StringComparison.Ordinal);
    }

    private static SchedulingSettings Read(IConfiguration configuration) =>
        Settings.Read<SchedulingSettings>(configuration, SchedulingSettings.Section, SchedulingSettings.Problem);
}
