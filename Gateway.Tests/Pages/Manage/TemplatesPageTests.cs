using System.Net;
using Buddy.Domain.Goals;
using Buddy.Domain.Templates;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Pages.Manage;

public sealed class TemplatesPageTests
{
    [Fact]
    public async Task List_WithNoTemplates_ShowsBuddysStandardWordingForEachKind_InWords()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);

        var page = await client.GetDocumentAsync("/Manage/Templates");

        foreach (var kind in Enum.GetValues<TemplateKind>())
        {
            var row = page.QuerySelector($"#wording-{kind}")!.TextContent;
            Assert.Contains(Buddy.Gateway.Display.DisplayWords.TemplateKind(kind), row, StringComparison.Ordinal);
            if (TemplatePlaceholders.StandardWording(kind) is { } standard)
            {
                Assert.Contains(standard, row, StringComparison.Ordinal);
                Assert.Contains("Buddy's standard wording", row, StringComparison.Ordinal);
            }
        }

        Assert.Contains(GoalTexts.DefaultReminder, page.QuerySelector("#wording-GoalReminder")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#no-templates"));
        Assert.DoesNotContain("CheckInSecondStep", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteYourOwn_StartsFromTheStandardWording_AndSavesAsTheKindsDefault()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var client = await world.SignedInAsync(world.ManagerA);
        var list = await client.GetDocumentAsync("/Manage/Templates");

        var editor = await client.GetDocumentAsync(list.QuerySelector("#wording-GoalReminder a")!.GetAttribute("href")!);
        Assert.Equal(GoalTexts.DefaultReminder, editor.QuerySelector("#Input_Body")!.TextContent);
        Assert.Contains("walk to the shop twice this week", editor.QuerySelector("#preview-text")!.TextContent, StringComparison.Ordinal); // {Goal} filled with a sample
        using var saved = await client.SubmitAsync(editor.FormWithButton("Save template"), new Dictionary<string, string>
        {
            ["Input.Body"] = "Hi {FirstName}, did you {Goal} today? Reply DONE, HALF or NOT TODAY.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = world.CreateContext();
        var template = await db.MessageTemplates.SingleAsync();
        Assert.Equal((TemplateKind.GoalReminder, true, "Goal reminder"), (template.Kind, template.IsDefault, template.Name));
        var after = await client.GetDocumentAsync("/Manage/Templates");
        Assert.Contains("Your template", after.QuerySelector("#wording-GoalReminder")!.TextContent, StringComparison.Ordinal);
    }
}
