using System.Globalization;
using Buddy.Gateway.Hosting;
using Buddy.Tests.Support;
using Serilog;
using Serilog.Events;

namespace Buddy.Tests.Hosting;

public sealed class PersonalDataMaskingTests
{
    [Theory]
    [InlineData("+447700900123", "+44*******123")]
    [InlineData("07700900123", "07******123")]
    [InlineData("12345", "*****")]
    [InlineData(null, "(none)")]
    public void Phone_KeepsOnlyEnoughToTellNumbersApart(string? phone, string expected) =>
        Assert.Equal(expected, Redact.Phone(phone));

    [Fact]
    public void Enricher_WhenALogCallPassesAPhoneOrABody_MasksThemInEveryRenderedLine()
    {
        var sink = new CapturingSink();
        using (var logger = new LoggerConfiguration().Enrich.With<PersonalDataMaskingEnricher>().WriteTo.Sink(sink).CreateLogger())
        {
            logger.Information("Reply from {From} said {Body}", "+447700900123", "I feel awful, argued with mum");
            logger.Information("Send failed: {Error}", "Twilio rejected +44 7700 900123 as invalid");
        }

        var rendered = string.Join('\n', sink.Events.Select(e => e.RenderMessage(CultureInfo.InvariantCulture)));
        Assert.DoesNotContain("900123", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("argued", rendered, StringComparison.Ordinal);
        Assert.Contains("+44*******123", rendered, StringComparison.Ordinal);
        Assert.Contains("[29 chars]", rendered, StringComparison.Ordinal);
    }
}
