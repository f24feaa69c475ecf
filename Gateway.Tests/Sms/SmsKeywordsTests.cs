using Buddy.Domain.Sms;

namespace Buddy.Tests.Sms;

public sealed class SmsKeywordsTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData("  Stop  ")]
    [InlineData("STOP.")]
    [InlineData("Stop!")]
    [InlineData("'stop'")]
    [InlineData("\"STOP\"\n")]
    [InlineData("STOPALL")]
    [InlineData("unsubscribe")]
    [InlineData("Cancel")]
    [InlineData("END")]
    [InlineData("quit!!")]
    [InlineData("Revoke")]
    [InlineData("optout")]
    public void Classify_WhenBodyIsAnOptOutWord_ReturnsOptOut(string body) =>
        Assert.Equal(SmsKeyword.OptOut, SmsKeywords.Classify(body));

    [Theory]
    [InlineData("START")]
    [InlineData("start.")]
    [InlineData("Unstop")]
    [InlineData(" yes ")]
    public void Classify_WhenBodyIsAnOptInWord_ReturnsOptIn(string body) =>
        Assert.Equal(SmsKeyword.OptIn, SmsKeywords.Classify(body));

    [Theory]
    [InlineData("HELP")]
    [InlineData("help?")]
    [InlineData("Info")]
    public void Classify_WhenBodyIsAHelpWord_ReturnsHelp(string body) =>
        Assert.Equal(SmsKeyword.Help, SmsKeywords.Classify(body));

    [Theory]
    [InlineData("stop texting me so late")]
    [InlineData("6 went to college, argued with mum")]
    [InlineData("I want to end it")]
    [InlineData("st op")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("stopp")]
    public void Classify_WhenBodyIsAnOrdinaryReply_ReturnsNone(string body) =>
        Assert.Equal(SmsKeyword.None, SmsKeywords.Classify(body));

    [Theory]
    [InlineData("STOP", SmsKeyword.OptOut)]
    [InlineData("start", SmsKeyword.OptIn)]
    [InlineData("HELP", SmsKeyword.Help)]
    public void Classify_WhenTwilioSetOptOutType_FollowsTwilio(string optOutType, SmsKeyword expected) =>
        Assert.Equal(expected, SmsKeywords.Classify("Arrêter", optOutType));

    [Fact]
    public void Classify_WhenYesComesFromSomeoneOptedIn_IsAnOrdinaryReply()
    {
        Assert.Equal(SmsKeyword.None, SmsKeywords.Classify("Yes!", null, senderIsOptedOut: false));
        Assert.Equal(SmsKeyword.OptIn, SmsKeywords.Classify("Yes!", null, senderIsOptedOut: true));
        Assert.Equal(SmsKeyword.OptIn, SmsKeywords.Classify("START", null, senderIsOptedOut: false));
    }
}
