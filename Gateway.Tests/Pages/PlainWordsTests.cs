using System.Text.RegularExpressions;
using Buddy.Domain.Audit;
using Buddy.Domain.CheckIns;
using Buddy.Domain.Diary;
using Buddy.Domain.Goals;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Schedules;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sessions;
using Buddy.Domain.Sms;
using Buddy.Domain.Staff;
using Buddy.Domain.Templates;
using Buddy.Tests.Dashboard;
using Buddy.Tests.Support;

namespace Buddy.Tests.Pages;

/// <summary>
/// Every page a therapist or manager opens says things in words: no enum written as code ("ServiceManager",
/// "CheckInSecondStep", "OneOff", "Everyday") and no audit action code ("service-user.viewed") anywhere on screen.
/// </summary>
public sealed partial class PlainWordsTests
{
    private static readonly string[] s_codeNames =
    [
        .. CodeNames<StaffRole>(), .. CodeNames<TemplateKind>(), .. CodeNames<ServiceUserStatus>(), .. CodeNames<ConsentState>(),
        .. CodeNames<SessionStatus>(), .. CodeNames<QuestionnaireStatus>(), .. CodeNames<GoalStatus>(), .. CodeNames<GoalOutcome>(),
        .. CodeNames<DiaryEntryKind>(), .. CodeNames<AlertKind>(), .. CodeNames<CheckInStatus>(), .. CodeNames<OutboundKind>(),
        .. CodeNames<OutboundStatus>(), .. CodeNames<InboundState>(), .. CodeNames<AuditActorType>(), .. CodeNames<CheckInDays>(),
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
            $"/Manage/Staff/Edit/{world.ManagerA.Id}", "/Manage/Organisation", "/Manage/Overview", $"/simulator?serviceUserId={world.Jo.Id}",
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

    /// <summary>Enum names that are not an English word as they stand (two words run together, or a plural-of-days).</summary>
    private static IEnumerable<string> CodeNames<T>() where T : struct, Enum =>
        Enum.GetNames<T>().Where(n => CamelCase().IsMatch(n));

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CamelCase();

    [GeneratedRegex(@"\b[a-z]+(?:-[a-z]+)*\.[a-z]+(?:[.-][a-z]+)*\b")]
    private static partial Regex AuditCode();

    [GeneratedRegex(@"\S+@\S+")]
    private static partial Regex Email();
}
