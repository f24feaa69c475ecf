using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Sms.Inbound;

/// <summary>STOP, START and HELP through the real webhook and processor, at any point of any conversation.</summary>
public sealed class OptOutTests
{
    [Theory]
    [InlineData("STOP")]
    [InlineData("stop")]
    [InlineData(" Stop. ")]
    [InlineData("STOP!!")]
    [InlineData("Unsubscribe")]
    [InlineData("cancel")]
    [InlineData("End")]
    [InlineData("QUIT")]
    [InlineData("revoke")]
    [InlineData("OptOut")]
    [InlineData("stopall")]
    public async Task Post_WhenTheBodyIsAnOptOutWord_OptsOutAtOnceAndConfirmsOnce(string body)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        var checkIn = await SmsTestData.AddOutboundAsync(database, user, OutboundKind.CheckIn, DateTime.UtcNow.AddHours(2));
        await using var gateway = new SmsGateway(database);

        await ReplyAsync(gateway, user, body);

        await using var db = database.CreateContext();
        var person = await db.ServiceUsers.SingleAsync(u => u.Id == user.Id);
        Assert.Equal(ConsentState.OptedOut, person.Consent);
        Assert.NotNull(person.ConsentChangedAtUtc);
        var confirmation = await db.OutboundMessages.SingleAsync(m => m.Kind == OutboundKind.OptOutConfirmation);
        Assert.Equal(DefaultTexts.OptOutConfirmation, confirmation.Body);
        Assert.StartsWith("optout:", confirmation.DedupeKey);
        Assert.Equal(OutboundStatus.Cancelled, (await db.OutboundMessages.SingleAsync(m => m.Id == checkIn.Id)).Status);
        var audit = await db.AuditEvents.SingleAsync();
        Assert.Equal("consent.opted-out", audit.Action);
        Assert.Equal(user.Id, audit.ServiceUserId);
        Assert.DoesNotContain(body.Trim(), audit.Detail);
    }

    [Fact]
    public async Task Post_WhenStopIsRepeated_ConfirmsOnlyTheFirst()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database);

        await ReplyAsync(gateway, user, "STOP");
        await ReplyAsync(gateway, user, "stop");

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.OutboundMessages.CountAsync(m => m.Kind == OutboundKind.OptOutConfirmation));
        Assert.Contains(await db.InboundMessages.Select(m => m.Outcome).ToListAsync(), o => o == "opt-out (already opted out)");
    }

    [Fact]
    public async Task Post_WhenTwilioAlreadyHandledTheStop_RecordsItWithoutASecondConfirmation()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database);

        // Twilio's Advanced Opt-Out can use a custom word; its OptOutType is what counts.
        await ReplyAsync(gateway, user, "Leave me alone", optOutType: "STOP");

        await using var db = database.CreateContext();
        Assert.Equal(ConsentState.OptedOut, (await db.ServiceUsers.SingleAsync()).Consent);
        Assert.Equal(0, await db.OutboundMessages.CountAsync());
        Assert.Equal("opted out; confirmed by Twilio", (await db.InboundMessages.SingleAsync()).Outcome);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenAnOptedOutPersonTextsStart_OptsThemBackInAndConfirms(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, user) = await SmsTestData.AddPersonAsync(database, u => u.Consent = ConsentState.OptedOut);
        await using var gateway = new SmsGateway(database);

        await ReplyAsync(gateway, user, "Start");

        await using var db = database.CreateContext();
        Assert.Equal(ConsentState.OptedIn, (await db.ServiceUsers.SingleAsync()).Consent);
        var confirmation = await db.OutboundMessages.SingleAsync();
        Assert.Equal(OutboundKind.OptInConfirmation, confirmation.Kind);
        Assert.Equal(DefaultTexts.OptInConfirmation, confirmation.Body);
        Assert.Equal("consent.opted-in", (await db.AuditEvents.SingleAsync()).Action);
    }

    [Theory]
    [InlineData(null, "opted in; confirmation sent", 1)]
    [InlineData("START", "opted in; confirmed by Twilio", 0)]
    public async Task Post_WhenAnOptedOutPersonTextsStart_RecordsTheOutcome_AndConfirmsUnlessTwilioDid(string? optOutType, string outcome, int confirmations)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database, u => u.Consent = ConsentState.OptedOut);
        await using var gateway = new SmsGateway(database);

        await ReplyAsync(gateway, user, "Start", optOutType);

        await using var db = database.CreateContext();
        Assert.Equal(ConsentState.OptedIn, (await db.ServiceUsers.SingleAsync()).Consent);
        Assert.Equal(outcome, (await db.InboundMessages.SingleAsync()).Outcome);
        Assert.Equal(confirmations, await db.OutboundMessages.CountAsync(m => m.Kind == OutboundKind.OptInConfirmation));
    }

    [Fact]
    public async Task Post_WhenAnOptedInPersonTextsYes_TreatsItAsAnOrdinaryReply()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database);

        await ReplyAsync(gateway, user, "Yes");

        await using var db = database.CreateContext();
        var stored = await db.InboundMessages.SingleAsync();
        Assert.NotNull(stored.DiaryEntryId); // kept as an ordinary diary reply
        Assert.Equal(ConsentState.OptedIn, (await db.ServiceUsers.SingleAsync()).Consent);
        Assert.DoesNotContain(await db.OutboundMessages.Select(m => m.Kind).ToListAsync(), k => k == OutboundKind.OptInConfirmation);
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("help?")]
    [InlineData("Info")]
    public async Task Post_WhenTheBodyIsAHelpWord_TextsTheOrganisationsHelpText(string body)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database, configureOrganisation: o => o.HelpMessage = "Riverside Buddy: call 01632 960123 in office hours.");
        await using var gateway = new SmsGateway(database);

        await ReplyAsync(gateway, user, body);

        await using var db = database.CreateContext();
        var help = await db.OutboundMessages.SingleAsync();
        Assert.Equal(OutboundKind.Help, help.Kind);
        Assert.Equal("Riverside Buddy: call 01632 960123 in office hours.", help.Body);
        Assert.Equal(user.PhoneE164, help.ToPhone);
        Assert.Equal(ConsentState.OptedIn, (await db.ServiceUsers.SingleAsync()).Consent);
    }

    [Fact]
    public async Task Post_WhenTheConfirmationIsQueued_TheDispatcherSendsItThroughTheSimulator()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var (_, user) = await SmsTestData.AddPersonAsync(database);
        await using var gateway = new SmsGateway(database);

        await ReplyAsync(gateway, user, "STOP");

        await SmsTestData.WaitUntilAsync(db => db.OutboundMessages.AnyAsync(m => m.Status == OutboundStatus.Delivered && m.ProviderMessageId!.StartsWith("SM")),
            database, "the confirmation to be delivered by the simulator");
    }

    private static async Task ReplyAsync(SmsGateway gateway, ServiceUser user, string body, string? optOutType = null)
    {
        var sid = SmsGateway.NewSid();
        using var response = await gateway.PostSignedAsync("/sms/inbound", SmsGateway.InboundForm(user.PhoneE164!, body, sid, optOutType));
        response.EnsureSuccessStatusCode();
        await SmsTestData.WaitUntilAsync(
            db => db.InboundMessages.AnyAsync(m => m.ProviderMessageId == sid && m.State == InboundState.Processed), gateway.Database, $"'{body}' to be processed");
    }
}
