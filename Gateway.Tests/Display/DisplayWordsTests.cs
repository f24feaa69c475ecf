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
using Buddy.Gateway.Display;

namespace Buddy.Tests.Display;

public sealed partial class DisplayWordsTests
{
    public static TheoryData<GoalStatus> Statuses => [.. Enum.GetValues<GoalStatus>()];

    /// <summary>A paused goal once read "Active" on the summary: only an active goal may say so.</summary>
    [Theory, MemberData(nameof(Statuses))]
    public void GoalStatus_ForEveryGoalState_SaysThatState(GoalStatus status) =>
        Assert.Equal(status == GoalStatus.Active, DisplayWords.GoalStatus(status) == "Active");

    /// <summary>Every value of every enum a page, export or the simulator shows, in words: never "ServiceManager" or "CheckInReply".</summary>
    public static TheoryData<string, string> EveryShownValue()
    {
        var data = new TheoryData<string, string>();
        void Add<T>(Func<T, string> words) where T : struct, Enum
        {
            foreach (var value in Enum.GetValues<T>())
            {
                data.Add(value.ToString(), words(value));
            }
        }

        Add<StaffRole>(DisplayWords.Role);
        Add<TemplateKind>(DisplayWords.TemplateKind);
        Add<ServiceUserStatus>(s => DisplayWords.Status(s, null));
        Add<ConsentState>(DisplayWords.Consent);
        Add<SessionStatus>(DisplayWords.Session);
        Add<QuestionnaireStatus>(DisplayWords.Questionnaire);
        Add<GoalStatus>(DisplayWords.GoalStatus);
        Add<GoalOutcome>(DisplayWords.GoalOutcome);
        Add<DiaryEntryKind>(DisplayWords.DiaryKind);
        Add<RiskLevel>(DisplayWords.Risk);
        Add<AlertKind>(DisplayWords.AlertKind);
        Add<CheckInStatus>(DisplayWords.CheckIn);
        Add<OutboundKind>(DisplayWords.TextKind);
        Add<OutboundStatus>(DisplayWords.Outbound);
        Add<InboundState>(DisplayWords.Inbound);
        Add<AuditActorType>(DisplayWords.Actor);
        return data;
    }

    [Theory, MemberData(nameof(EveryShownValue))]
    public void EveryShownValue_IsWords_NotItsCodeName(string code, string words)
    {
        Assert.False(string.IsNullOrWhiteSpace(words));
        Assert.DoesNotMatch(CamelCase(), words);
        Assert.True(!CamelCase().IsMatch(code) || words != code, $"{code} is shown as it is written in the code");
    }

    [Theory]
    [InlineData(CheckInDays.Everyday, "every day")]
    [InlineData(CheckInDays.Weekdays, "weekdays")]
    [InlineData(CheckInDays.Saturday | CheckInDays.Sunday, "weekends")]
    [InlineData(CheckInDays.Monday | CheckInDays.Wednesday | CheckInDays.Friday, "Mon, Wed, Fri")]
    [InlineData(CheckInDays.Sunday | CheckInDays.Monday, "Mon, Sun")]
    [InlineData(CheckInDays.None, "no days")]
    public void Days_SayTheDaysAsAPersonWould(CheckInDays days, string words) => Assert.Equal(words, DisplayWords.Days(days));

    [Fact]
    public void Status_WhenPausedWithOrWithoutADate_SaysWhichItIs()
    {
        Assert.Equal("Paused until 1 Dec 2026", DisplayWords.Status(ServiceUserStatus.Paused, new DateOnly(2026, 12, 1)));
        Assert.Equal("Paused (no restart date)", DisplayWords.Status(ServiceUserStatus.Paused, null));
    }

    [Theory]
    [InlineData("service-user.viewed", "Service user viewed")]
    [InlineData("api-key.created", "API key created")]
    [InlineData("consent.opted-out", "Texted STOP (texts stopped)")]
    [InlineData("staff.password-reset-issued", "Password reset link created")]
    [InlineData("alert.merged-into-another", "Alert merged into another")] // a code added later still reads as words
    public void AuditAction_IsWords_EvenForACodeItDoesNotKnow(string code, string words)
    {
        Assert.Equal(words, DisplayWords.AuditAction(code));
        Assert.DoesNotMatch(@"[a-z][.-][a-z]", DisplayWords.AuditAction(code));
    }

    [Theory]
    [InlineData("changed Status, PausedUntil", "changed status, restart date")]
    [InlineData("LowMoodStreak", "Low mood streak")]
    [InlineData("ServiceManager", "Service manager")]
    [InlineData("CheckInSecondStep: Evening (default)", "Two-step check-in: second question: Evening (default)")]
    [InlineData("2026-11-01..2026-11-18", "2026-11-01..2026-11-18")]
    [InlineData("7", "7")]
    public void AuditDetail_WrittenWithCodeNames_ReadsAsWords(string detail, string words) => Assert.Equal(words, DisplayWords.AuditDetail(detail));

    [GeneratedRegex("[a-z][A-Z]")]
    private static partial Regex CamelCase();
}
