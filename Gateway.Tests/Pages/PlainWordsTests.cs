using System.Text.RegularExpressions;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;

namespace Buddy.Tests.Pages;

/// <summary>
/// Every page a therapist or manager opens says things in words: no enum written as code ("ServiceManager",
/// "CheckInSecondStep", "OneOff", "Everyday") and no audit action code ("service-user.viewed") anywhere on screen.
/// </summary>
public sealed partial class PlainWordsTests
{
    /// <summary>Enum names that are not an English word as they stand (two words run together), and the days' own.</summary>
    private static readonly string[] s_codeNames =
    [
        .. Buddy.Tests.Display.DisplayWordsTests.EveryShownValue().Select(row => (string)row[0]).Where(n => CamelCase().IsMatch(n)).Distinct(),
        "Everyday", "Weekdays",
    ];

    [Fact]
    public async Task EveryPage_SaysEnumsAndAuditActionsInWords()
    {
        await using var world = await DashboardWorld.CreateAsync();
        var manager = await world.SignedInAsync(world.ManagerA);
        var therapist = await world.SignedInAsync(world.TherapistA1);
        string[] managerPages =
        [
            "/Manage", "/Manage/ServiceUsers", "/Manage/ServiceUsers/Create", $"/Manage/ServiceUsers/Edit/{world.Jo.Id}",
            $"/Manage/ServiceUsers/Schedule/{world.Jo.Id}", "/Manage/Templates", "/Manage/Templates/Edit", "/Manage/Templates/Edit?kind=CheckInSecondStep",
            "/Manage/Staff", "/Manage/Staff/Create", $"/Manage/Staff/Edit/{world.TherapistA2.Id}", $"/Manage/Staff/Deactivate/{world.TherapistA2.Id}",
            $"/Manage/Staff/Edit/{world.ManagerA.Id}", "/Manage/Organisation", "/Manage/Overview",
            "/Dashboard", "/Dashboard/Alerts", $"/Dashboard/Summary/{world.Sam.Id}", $"/Dashboard/Cycle/{world.Sam.Id}",
        ];
        string[] therapistPages = ["/Dashboard", "/Dashboard/Alerts", $"/Dashboard/Summary/{world.Jo.Id}", $"/Dashboard/Cycle/{world.Jo.Id}"];

        var problems = new List<string>();
        foreach (var (client, url) in managerPages.Select(u => (manager, u)).Concat(therapistPages.Select(u => (therapist, u))))
        {
            problems.AddRange(CodesOn(url, (await client.GetDocumentAsync(url)).Body!.TextContent));
        }

        // Last, when the pages above have filled the audit log.
        problems.AddRange(CodesOn("/Manage/Audit", (await manager.GetDocumentAsync("/Manage/Audit")).Body!.TextContent));

        Assert.Empty(problems);
    }

    private static IEnumerable<string> CodesOn(string url, string text)
    {
        var words = Email().Replace(text, " ");
        foreach (var code in s_codeNames.Where(c => Regex.IsMatch(words, $@"\b{c}\b")))
        {
            yield return $"{url} shows {code}";
        }

        foreach (Match match in AuditCode().Matches(words))
        {
            yield return $"{url} shows {match.Value}";
        }
    }

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\b[a-z]+(?:-[a-z]+)*\.[a-z]+(?:[.-][a-z]+)*\b")]
    private static partial Regex AuditCode();

    [GeneratedRegex(@"\S+@\S+")]
    private static partial Regex Email();
}
