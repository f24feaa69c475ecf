using Buddy.Domain.Email;
using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Replies;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Who is at risk and what the reply says about the phone decide what the sender is texted and what staff are told
/// first: risk from someone else gets a discreet text (a neutral line and the emergency number), a contact caution
/// comes first in the staff text and email, and the crisis numbers follow the person's country.
/// </summary>
public sealed class DiscreetReplyTests
{
    private static readonly DateTime s_now = new(2026, 3, 10, 20, 30, 0, DateTimeKind.Utc);

    private const string Abuse = "he hit me again last night and he checks my phone";
    private const string AbuseNoCaution = "my partner hit me again";
    private const string Self = "i want to end it all";
    private const string DoNotRing = "want to end it, dont ring me tho";
    private const string MateCutting = "my mate has been cutting again";

    private static ScriptedRiskReader Reader() => new ScriptedRiskReader()
        .Add(Abuse, RiskLevel.High, RiskSubject.SenderFromOthers, ContactCaution.PhoneMayBeRead, "abuse")
        .Add(AbuseNoCaution, RiskLevel.High, RiskSubject.SenderFromOthers, ContactCaution.None, "abuse")
        .Add(Self, RiskLevel.High, RiskSubject.Sender, ContactCaution.None, "suicide")
        .Add(DoNotRing, RiskLevel.High, RiskSubject.Sender, ContactCaution.DoNotCall, "suicide")
        .Add(MateCutting, RiskLevel.Review, RiskSubject.ThirdParty, ContactCaution.None, "self-harm");

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task RiskFromSomeoneElse_WhoReadsThePhone_GetsADiscreetText_AndStaffAreToldTheCautionFirst(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        scenario.RiskReader = Reader();
        await scenario.AddCheckInAsync(new DateOnly(2026, 3, 10), s_now.AddHours(-1));

        var message = await scenario.ReceiveAsync(Abuse, s_now);

        await using var db = scenario.CreateContext();
        var crisis = await db.OutboundMessages.SingleAsync(m => m.Kind == OutboundKind.Crisis);
        Assert.Equal(CrisisTexts.BuiltIn["GB"].Discreet, crisis.Body);
        Assert.All(CrisisTextsTests.TellTaleWords, word => Assert.DoesNotContain(word, crisis.Body, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("999", crisis.Body, StringComparison.Ordinal);

        var staff = await db.OutboundMessages.Where(m => m.Kind == OutboundKind.SafeguardingAlert).ToListAsync();
        Assert.Equal(2, staff.Count);
        Assert.All(staff, t =>
        {
            Assert.StartsWith("Caution: someone else may read J.L.S.'s phone.", t.Body, StringComparison.Ordinal);
            Assert.Contains("Buddy urgent", t.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("hit", t.Body, StringComparison.OrdinalIgnoreCase);
            Assert.True(Buddy.Domain.Templates.SmsSegments.Measure(t.Body).Segments <= 2, t.Body);
        });
        var email = await db.EmailMessages.SingleAsync();
        Assert.StartsWith("Caution: someone else may read J.L.S.'s phone.", email.Body, StringComparison.Ordinal);
        Assert.Equal("Buddy: contact caution, urgent review needed", email.Subject);
        Assert.DoesNotContain("hit", email.Body, StringComparison.OrdinalIgnoreCase);

        var alert = await db.Alerts.SingleAsync();
        Assert.Equal((RiskLevel.High, ContactCaution.PhoneMayBeRead), (alert.Severity, alert.Caution));
        Assert.Equal([RiskSubject.SenderFromOthers], alert.Subjects);
        Assert.Equal(["abuse"], alert.Concepts);
        var entry = await db.DiaryEntries.SingleAsync();
        Assert.Equal((RiskLevel.High, message.DiaryEntryId), (entry.RiskLevel, (Guid?)entry.Id));
        Assert.Equal([RiskSubject.SenderFromOthers], entry.RiskSubjects);
    }

    [Fact]
    public async Task RiskFromSomeoneElse_EvenWithNoCautionSaid_GetsTheDiscreetText()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        scenario.RiskReader = Reader();

        await scenario.ReceiveAsync(AbuseNoCaution, s_now);

        await using var db = scenario.CreateContext();
        Assert.Equal(CrisisTexts.BuiltIn["GB"].Discreet, (await db.OutboundMessages.SingleAsync(m => m.Kind == OutboundKind.Crisis)).Body);
        Assert.All(await db.OutboundMessages.Where(m => m.Kind == OutboundKind.SafeguardingAlert).ToListAsync(),
            t => Assert.StartsWith("Buddy urgent:", t.Body, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ALaterReplyAboutThemselves_AfterAbuseWasDisclosedOnTheOpenAlert_StaysDiscreet()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        scenario.RiskReader = Reader();
        await scenario.ReceiveAsync(AbuseNoCaution, s_now);

        var later = await scenario.ReceiveAsync(Self, s_now.AddMinutes(90));

        await using var db = scenario.CreateContext();
        Assert.Equal(CrisisTexts.BuiltIn["GB"].Discreet, (await db.OutboundMessages.SingleAsync(m => m.DedupeKey == $"crisis:{later.Id}")).Body);
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal([RiskSubject.SenderFromOthers, RiskSubject.Sender], alert.Subjects);
    }

    [Fact]
    public async Task AskingNotToBeCalled_IsToldToStaffFirst_AndTheCrisisTextKeepsItsHelpline()
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        scenario.RiskReader = Reader();

        await scenario.ReceiveAsync(DoNotRing, s_now);

        await using var db = scenario.CreateContext();
        Assert.Equal(scenario.Organisation.CrisisMessage, (await db.OutboundMessages.SingleAsync(m => m.Kind == OutboundKind.Crisis)).Body);
        Assert.All(await db.OutboundMessages.Where(m => m.Kind == OutboundKind.SafeguardingAlert).ToListAsync(),
            t => Assert.StartsWith("Caution: J.L.S. asked not to be called.", t.Body, StringComparison.Ordinal));
        Assert.Equal(ContactCaution.DoNotCall, (await db.Alerts.SingleAsync()).Caution);
    }

    [Theory]
    [InlineData("+14165550123", "CA")]
    [InlineData("+12025550123", "US")]
    [InlineData("+61412345678", "AU")]
    [InlineData("+64211234567", "NZ")]
    [InlineData("+353851234567", "IE")]
    public async Task CrisisText_ForANumberFromAnotherCountry_GivesThatCountrysNumbers(string phone, string country)
    {
        await using var scenario = await ReplyScenario.CreateAsync(DatabaseProvider.Sqlite);
        scenario.RiskReader = Reader();
        await scenario.ChangePhoneAsync(phone);

        await scenario.ReceiveAsync(Self, s_now);

        await using var db = scenario.CreateContext();
        var crisis = await db.OutboundMessages.SingleAsync(m => m.Kind == OutboundKind.Crisis);
        Assert.Equal((phone, CrisisTexts.BuiltIn[country].Standard), (crisis.ToPhone, crisis.Body));
        if (country != "IE")
        {
            Assert.DoesNotContain("999", crisis.Body, StringComparison.Ordinal); // no UK numbers for a +1, +61 or +64 number
            Assert.DoesNotContain("116 123", crisis.Body, StringComparison.Ordinal);
        }
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task ReviewAboutSomeoneElse_RaisesAReviewAlertSayingWhoIsAtRisk_AndTextsNobody(DatabaseProvider provider)
    {
        await using var scenario = await ReplyScenario.CreateAsync(provider);
        scenario.RiskReader = Reader();

        await scenario.ReceiveAsync(MateCutting, s_now);

        await using var db = scenario.CreateContext();
        Assert.Empty(await db.OutboundMessages.ToListAsync());
        Assert.Empty(await db.EmailMessages.ToListAsync());
        var alert = await db.Alerts.SingleAsync();
        Assert.Equal((RiskLevel.Review, (DateTime?)null), (alert.Severity, alert.StaffNotifiedAtUtc));
        Assert.Equal([RiskSubject.ThirdParty], alert.Subjects);
        Assert.Equal([RiskSubject.ThirdParty], (await db.DiaryEntries.SingleAsync()).RiskSubjects);
        Assert.Equal("safeguarding.flagged", (await db.AuditEvents.SingleAsync()).Action);
        scenario.OutboxSignal.Verify(s => s.Wake(), Moq.Times.Never);
    }
}
