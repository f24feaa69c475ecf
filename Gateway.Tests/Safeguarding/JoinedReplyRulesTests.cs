using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;

namespace Buddy.Tests.Safeguarding;

/// <summary>What a risky reply joining an open safeguarding alert repeats (the rule the hazard log, H02, states).</summary>
public sealed class JoinedReplyRulesTests
{
    private static readonly DateTime s_now = new(2026, 3, 10, 22, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, RiskLevel, RiskSubject[], ContactCaution, int?, RiskLevel, RiskSubject, ContactCaution, bool> StaffCases => new()
    {
        // why, alert tier, alert subjects, alert caution, staff told minutes ago, reply tier, reply subject, reply caution, text staff?
        { "review replies never text staff", RiskLevel.Review, [RiskSubject.Sender], ContactCaution.None, null, RiskLevel.Review, RiskSubject.Sender, ContactCaution.None, false },
        { "a High reply raising a Review alert escalates at once", RiskLevel.Review, [RiskSubject.Sender], ContactCaution.None, null, RiskLevel.High, RiskSubject.Sender, ContactCaution.None, true },
        { "the same news within the hour is on the alert, not texted again", RiskLevel.High, [RiskSubject.Sender], ContactCaution.None, 20, RiskLevel.High, RiskSubject.Sender, ContactCaution.None, false },
        { "an hour on, staff are told again", RiskLevel.High, [RiskSubject.Sender], ContactCaution.None, 60, RiskLevel.High, RiskSubject.Sender, ContactCaution.None, true },
        { "someone else now at risk is new", RiskLevel.High, [RiskSubject.Sender], ContactCaution.None, 5, RiskLevel.High, RiskSubject.SenderFromOthers, ContactCaution.None, true },
        { "a new contact caution is new", RiskLevel.High, [RiskSubject.SenderFromOthers], ContactCaution.None, 5, RiskLevel.High, RiskSubject.SenderFromOthers, ContactCaution.PhoneMayBeRead, true },
        { "a caution already known is not new", RiskLevel.High, [RiskSubject.SenderFromOthers], ContactCaution.PhoneMayBeRead | ContactCaution.DoNotCall, 5, RiskLevel.High, RiskSubject.SenderFromOthers, ContactCaution.DoNotCall, false },
        { "a High alert whose staff were never reached tries again", RiskLevel.High, [RiskSubject.Sender], ContactCaution.None, null, RiskLevel.High, RiskSubject.Sender, ContactCaution.None, true },
    };

    [Theory, MemberData(nameof(StaffCases))]
    public void NotifyStaff_FollowsTheRule(
        string why, RiskLevel alertTier, RiskSubject[] alertSubjects, ContactCaution alertCaution, int? toldMinutesAgo,
        RiskLevel replyTier, RiskSubject replySubject, ContactCaution replyCaution, bool expected)
    {
        var alert = new Alert
        {
            Summary = "s", Severity = alertTier, Subjects = [.. alertSubjects], Caution = alertCaution,
            StaffNotifiedAtUtc = toldMinutesAgo is { } minutes ? s_now.AddMinutes(-minutes) : null,
        };

        Assert.True(expected == JoinedReplyRules.NotifyStaff(alert, replyTier, replySubject, replyCaution, s_now), why);
    }

    public static TheoryData<string, string, OutboundStatus, int, bool> CrisisCases => new()
    {
        // why, earlier body, earlier status, minutes ago, send again?
        { "the same words, still on their way", "A", OutboundStatus.Pending, 10, false },
        { "the same words, delivered", "A", OutboundStatus.Delivered, 59, false },
        { "the same words, but they failed: they have no numbers", "A", OutboundStatus.Failed, 10, true },
        { "undelivered", "A", OutboundStatus.Undelivered, 10, true },
        { "withdrawn", "A", OutboundStatus.Cancelled, 10, true },
        { "an hour ago", "A", OutboundStatus.Delivered, 60, true },
        { "different words (now discreet)", "B", OutboundStatus.Delivered, 10, true },
    };

    [Theory, MemberData(nameof(CrisisCases))]
    public void SendCrisisText_NeverLeavesSomeoneWithoutNumbers(string why, string earlierBody, OutboundStatus status, int minutesAgo, bool expected)
    {
        var earlier = new[] { (earlierBody, status, s_now.AddMinutes(-minutesAgo)) };

        Assert.True(expected == JoinedReplyRules.SendCrisisText("A", earlier, s_now), why);
        Assert.True(JoinedReplyRules.SendCrisisText("A", [], s_now), "the first High reply always gets one");
    }
}
