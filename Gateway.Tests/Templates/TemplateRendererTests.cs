using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Templates;

namespace Buddy.Tests.Templates;

public sealed class TemplateRendererTests
{
    [Theory]
    [InlineData(MoodScale.ZeroToTen, "Hi Sam, how was today? Reply with a mood 0-10 and what you did.")]
    [InlineData(MoodScale.OneToTen, "Hi Sam, how was today? Reply with a mood 1-10 and what you did.")]
    [InlineData(MoodScale.OneToFive, "Hi Sam, how was today? Reply with a mood 1 (well below average) to 5 (well above average) and what you did.")]
    public void Render_DefaultCheckIn_FillsNameAndScale(MoodScale scale, string expected)
    {
        var organisation = new Organisation { Name = "Northshire", MoodScale = scale };

        Assert.Equal(expected, TemplateRenderer.Render(DefaultTexts.CheckIn, new ServiceUser { DisplayName = "Sam Taylor" }, organisation));
    }

    [Theory]
    [InlineData("{FirstName} from {OrganisationName}", "Jo from Northshire")]
    [InlineData("Hello {Surname}", "Hello {Surname}")] // unknown placeholders are left for the editor to flag
    [InlineData("No placeholders", "No placeholders")]
    public void Render_ReplacesOnlyKnownPlaceholders(string body, string expected)
    {
        var person = new ServiceUser { DisplayName = "Joanne Smith", FirstName = "Jo" };

        Assert.Equal(expected, TemplateRenderer.Render(body, person, new Organisation { Name = "Northshire" }));
    }

    [Fact]
    public void UnknownPlaceholders_ListsEachOnce()
    {
        Assert.Equal(["Surname", "Date"], TemplateRenderer.UnknownPlaceholders("{FirstName} {Surname} {Date} {Surname}"));
    }

    [Fact]
    public void BodyFor_PrefersTheNamedTemplateThenTheOrganisationDefaultThenBuddys()
    {
        var named = new MessageTemplate { Kind = TemplateKind.CheckIn, Name = "Short", Body = "Named" };
        var orgDefault = new MessageTemplate { Kind = TemplateKind.CheckIn, Name = "Default", Body = "Org default", IsDefault = true };
        var reminder = new MessageTemplate { Kind = TemplateKind.Reminder, Name = "R", Body = "Org reminder", IsDefault = true };
        MessageTemplate[] all = [named, orgDefault, reminder];

        Assert.Equal("Named", TemplateRenderer.BodyFor(TemplateKind.CheckIn, named.Id, all));
        Assert.Equal("Org default", TemplateRenderer.BodyFor(TemplateKind.CheckIn, null, all));
        Assert.Equal("Org default", TemplateRenderer.BodyFor(TemplateKind.CheckIn, reminder.Id, all)); // wrong kind is ignored
        Assert.Equal("Org reminder", TemplateRenderer.BodyFor(TemplateKind.Reminder, null, all));
        Assert.Equal(DefaultTexts.CheckIn, TemplateRenderer.BodyFor(TemplateKind.CheckIn, null, [reminder]));
        Assert.Equal(DefaultTexts.Reminder, TemplateRenderer.BodyFor(TemplateKind.Reminder, null, []));
    }
}
