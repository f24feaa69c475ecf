using Buddy.Domain.Organisations;
using Buddy.Domain.Templates;

namespace Buddy.Tests.Templates;

public class TemplatePlaceholdersTests
{
    [Theory]
    [InlineData(MoodScale.ZeroToTen, "Hi Sam, mood 0-10?")]
    [InlineData(MoodScale.OneToTen, "Hi Sam, mood 1-10?")]
    [InlineData(MoodScale.OneToFive, "Hi Sam, mood 1 (well below average) to 5 (well above average)?")]
    public void Fill_WhenKnownPlaceholders_ReplacesThem(MoodScale scale, string expected) =>
        Assert.Equal(expected, TemplatePlaceholders.Fill("Hi {FirstName}, mood {ScaleRange}?", "Sam", scale));

    [Fact]
    public void Fill_WhenPlaceholderUnknown_LeavesItVisible() =>
        Assert.Equal("Hi {Name}", TemplatePlaceholders.Fill("Hi {Name}", "Sam", MoodScale.ZeroToTen));

    [Fact]
    public void Unknown_WhenTemplateHasTyposAndRepeats_ListsEachUnknownOnce() =>
        Assert.Equal(["Frist Name", ""], TemplatePlaceholders.Unknown("{Frist Name} {FirstName} {} {Frist Name} {ScaleRange}"));

    [Fact]
    public void Unknown_WhenDefaultTexts_FindsNone()
    {
        Assert.Empty(TemplatePlaceholders.Unknown(DefaultTexts.CheckIn));
        Assert.Empty(TemplatePlaceholders.Unknown(DefaultTexts.Reminder));
    }

    public static TheoryData<TemplateKind> KindsWithStandardWording =>
        [.. Enum.GetValues<TemplateKind>().Where(k => TemplatePlaceholders.StandardWording(k) is not null)];

    /// <summary>Buddy's own wording for each kind is a template the editor would accept for that kind.</summary>
    [Theory, MemberData(nameof(KindsWithStandardWording))]
    public void StandardWording_UsesOnlyThePlaceholdersItsKindFills(TemplateKind kind)
    {
        var wording = TemplatePlaceholders.StandardWording(kind)!;

        Assert.Empty(TemplatePlaceholders.Unknown(wording, kind));
        Assert.True(new TemplateInput(kind, "Ours", wording, IsDefault: true).Validate().IsValid);
    }

    [Fact]
    public void StandardWording_ForOneOffTexts_IsNone() => Assert.Null(TemplatePlaceholders.StandardWording(TemplateKind.OneOff));

    [Theory]
    [InlineData(TemplateKind.GoalReminder, "Hi {FirstName}: {Goal}", "Hi Sam: walk to the shop twice this week")]
    [InlineData(TemplateKind.AppointmentReminder, "{FirstName}, {Therapist} {When}, {Where}", "Sam, Priya tomorrow (Thu 26 Nov) at 10:00, at Riverside Centre, room 2")]
    [InlineData(TemplateKind.CheckIn, "Hi {FirstName} {ScaleRange} {OrganisationName}", "Hi Sam 0-10 Riverside")]
    [InlineData(TemplateKind.CheckInSecondStep, "Thanks {FirstName} {ScaleRange}", "Thanks Sam {ScaleRange}")] // its sender fills only the name
    public void Preview_FillsWhatTheKindsSenderFills(TemplateKind kind, string body, string expected) =>
        Assert.Equal(expected, TemplatePlaceholders.Preview(kind, body, "Sam", MoodScale.ZeroToTen, "Riverside"));

    [Theory]
    [InlineData(TemplateKind.GoalReminder, "Your goal {Goal}, mood {ScaleRange}", "{ScaleRange}")]
    [InlineData(TemplateKind.CheckIn, "Hi {FirstName}, your goal {Goal}", "{Goal}")]
    [InlineData(TemplateKind.CheckInSecondStep, "Thanks, {OrganisationName}", "{OrganisationName}")]
    public void Validate_WhenAPlaceholderIsNotFilledForThatKind_RefusesItByName(TemplateKind kind, string body, string named)
    {
        var errors = new TemplateInput(kind, "Ours", body, IsDefault: false).Validate();

        Assert.Contains(named, Assert.Single(errors["Body"]), StringComparison.Ordinal);
    }
}
