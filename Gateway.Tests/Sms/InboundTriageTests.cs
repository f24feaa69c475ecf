using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;

namespace Buddy.Tests.Sms;

public sealed class InboundTriageTests
{
    [Theory]
    [InlineData("2 I want to kill myself", null, true)]
    [InlineData("cant go on, going to end it all tonight", null, true)]
    [InlineData("STOP", null, true)]
    [InlineData(" stop! ", null, true)]
    [InlineData("HELP", null, true)]
    [InlineData("anything", "STOP", true)]
    [InlineData("6 went to college, argued with mum", null, false)]
    [InlineData("not suicidal just tired", null, false)] // negated: Low, for the therapist's eye, not urgent
    [InlineData("START", null, false)]
    [InlineData("YES", null, false)]
    [InlineData("", null, false)]
    public void IsUrgent_ForEachText_SaysWhetherItJumpsTheQueue(string body, string? optOutType, bool expected) =>
        Assert.Equal(expected, InboundTriage.IsUrgent(RiskDetector.Default, body, optOutType));
}
