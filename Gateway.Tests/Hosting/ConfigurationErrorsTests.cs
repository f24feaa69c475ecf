using Buddy.Gateway.Hosting;
using Microsoft.Extensions.Configuration;

namespace Buddy.Tests.Hosting;

/// <summary>What .NET throws for bad configuration becomes one sentence an operator can act on (the process tests: StartupTests).</summary>
public sealed class ConfigurationErrorsTests
{
    [Fact]
    public void Explain_ASettingsFileThatIsNotJson_NamesTheFileAndWhereItBreaks()
    {
        var file = Path.Combine(Path.GetTempPath(), $"appsettings.{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """{ "Sms": { "Provider": "Simulator", }""");
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => new ConfigurationBuilder().AddJsonFile(file).Build());

            var sentence = Assert.IsType<BadConfigurationException>(ConfigurationErrors.Explain(error)).Message;
            Assert.Contains(Path.GetFileName(file), sentence, StringComparison.Ordinal);
            Assert.Contains("not valid JSON", sentence, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', sentence);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Explain_AValueTheBinderCannotConvert_NamesTheSettingButNotTheValue()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("Email:Smtp:Password", "hunter2"), new("Email:Smtp:Port", "s3cret")]).Build();
        var error = Assert.ThrowsAny<Exception>(() => configuration.GetSection("Email").Get<Buddy.Gateway.Email.EmailSettings>());

        var sentence = Assert.IsType<BadConfigurationException>(ConfigurationErrors.Explain(error)).Message;
        Assert.Equal("Email:Smtp:Port could not be read: it must be a whole number.", sentence);
    }

    [Fact]
    public void Explain_AnErrorThatIsNotAboutConfiguration_IsNotDisguisedAsOne() =>
        Assert.Null(ConfigurationErrors.Explain(new InvalidOperationException("Sequence contains no elements")));
}
