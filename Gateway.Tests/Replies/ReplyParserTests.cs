using Buddy.Domain.Organisations;
using Buddy.Domain.Replies;

namespace Buddy.Tests.Replies;

/// <summary>What the corpus table does not show: the notes, the cleaned event text, configurable tags, long replies.</summary>
public sealed class ReplyParserTests
{
    private static ParsedReply Parse(string text, MoodScale scale = MoodScale.ZeroToTen) => ReplyParser.Default.Parse(text, scale);

    [Fact]
    public void Parse_WhenGivenARange_RecordsTheMidpointAndSaysSo()
    {
        var reply = Parse("6-7 ok day");

        Assert.Equal(6.5, reply.Mood);
        Assert.Equal("'6-7' is a range: recorded as 6.5, its midpoint", reply.MoodNote);
        Assert.Equal("ok day", reply.Event);
    }

    [Theory]
    [InlineData("11", MoodScale.ZeroToTen, "'11' is outside the 0-10 scale")]
    [InlineData("0", MoodScale.OneToTen, "'0' is outside the 1-10 scale")]
    [InlineData("8/10", MoodScale.OneToFive, "'8/10' was given, but this service uses the 1-5 scale")]
    public void Parse_WhenTheNumberIsOutsideTheScale_RecordsNoScoreAndSaysWhy(string text, MoodScale scale, string why)
    {
        var reply = Parse(text, scale);

        Assert.Null(reply.Mood);
        Assert.StartsWith(why, reply.MoodNote, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("at 7pm went to gym", "time")]
    [InlineData("walked 3 miles", "count")]
    [InlineData("3/4 was my appointment", "date")]
    [InlineData("call me on 07700 900123", "phone")]
    public void Parse_WhenANumberIsNotAScore_SaysWhatItLookedLike(string text, string kind)
    {
        var reply = Parse(text);

        Assert.Null(reply.Mood);
        Assert.Contains(kind, reply.MoodNote, StringComparison.Ordinal);
        Assert.Equal(text, reply.Event);
    }

    [Theory]
    [InlineData("went to the park 🙂", "positive")]
    [InlineData("buzzin 🥳🥳", "positive")]
    [InlineData("could be better 😕", "negative")]
    [InlineData("😭😭😭", "negative")]
    [InlineData("not bad ta", "positive")]
    [InlineData("not great today", "negative")]
    public void Parse_WhenOnlyFacesOrMoodWordsSayHowTheDayWas_RecordsNoScoreButASentimentTag(string text, string sentiment)
    {
        var reply = Parse(text);

        Assert.Null(reply.Mood);
        Assert.Equal(sentiment, reply.Tags[^1]);
    }

    [Fact]
    public void Parse_WhenAScoreIsGiven_AddsNoSentimentTag()
    {
        var reply = Parse("8 great day 😀");

        Assert.Equal(8, reply.Mood);
        Assert.DoesNotContain("positive", reply.Tags);
    }

    [Fact]
    public void Parse_WhenANumberAndAnEmojiAreGiven_UsesTheNumber()
    {
        var reply = Parse("3 😀");

        Assert.Equal(3, reply.Mood);
        Assert.Null(reply.MoodNote);
    }

    [Theory]
    [InlineData("7. went to the park", "went to the park")]
    [InlineData("went to the park 7", "went to the park")]
    [InlineData("mood 7, went to the park", "went to the park")]
    [InlineData("went to the park. my mood is about a 6", "went to the park.")]
    [InlineData("10!! got the job", "got the job")]
    [InlineData("2day was a 4", "")]
    [InlineData("sorry I meant 5", "")]
    [InlineData("gym then 7/10 then pub", "gym then then pub")]
    public void Parse_CleansTheScoreOutOfTheEvent(string text, string expected) =>
        Assert.Equal(expected, Parse(text).Event);

    [Fact]
    public void Parse_WithExtraTagWordsFromConfiguration_TagsThemAndKeepsTheDefaults()
    {
        var vocabulary = TagVocabulary.Default.With(
        [
            new("work", ["placement"]),
            new("pets", ["dog", "cat", "hamster*"]),
        ]);
        var parser = new ReplyParser(vocabulary);

        var reply = parser.Parse("7 placement then fed the hamsters, argued with mum", MoodScale.ZeroToTen);

        Assert.Equal(["work", "family", "pets"], reply.Tags);
    }

    [Fact]
    public void TagVocabulary_ToleratesOneTypoInLongWordsButNotInShortOnes()
    {
        Assert.Equal(["exercise"], Parse("excersise").Tags);
        Assert.Equal(["school"], Parse("colage").Tags);
        Assert.Empty(Parse("boring").Tags); // one letter from "boxing", and a real word
    }

    [Fact]
    public void Parse_ALongReply_IsReadLikeAShortOne()
    {
        var padding = string.Concat(Enumerable.Repeat("went to college and then the shops ", 40));
        var reply = Parse(padding + "6");

        Assert.Equal(6, reply.Mood);
        Assert.Equal(["school"], reply.Tags);
        Assert.EndsWith("the shops", reply.Event, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_WhenEmpty_GivesNothing(string? text)
    {
        var reply = ReplyParser.Default.Parse(text, MoodScale.ZeroToTen);

        Assert.Null(reply.Mood);
        Assert.Equal("", reply.Event);
        Assert.Empty(reply.Tags);
        Assert.False(reply.IsCorrection);
    }

    [Fact]
    public void Parse_AdversarialInput_FinishesQuickly()
    {
        // No backtracking anywhere: pathological input is linear.
        var text = string.Concat(Enumerable.Repeat("6-6-6/6/6 ", 2000)) + new string('x', 5000) + string.Concat(Enumerable.Repeat("😀", 1000));

        var reply = Parse(text);

        Assert.NotNull(reply);
    }
}
