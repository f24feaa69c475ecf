using Buddy.Domain.Safeguarding;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Safeguarding;
using Buddy.Tests.Conversations;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Buddy.Tests.Safeguarding;

/// <summary>
/// Risky replies end to end: signed Twilio webhooks on /sms/inbound into the real gateway (in-process, fake clock),
/// through the background pipeline and the outbox. The risk reader answers with a known tier, subject and caution.
/// </summary>
public sealed class SafeguardingWebhookTests
{
    // Tuesday 10 March 2026, 21:10 in London: inside quiet hours, which never hold a crisis text back.
    private static readonly DateTime s_start = new(2026, 3, 10, 21, 10, 0, DateTimeKind.Utc);

    private const string Abuse = "he had his hands round my neck again. he checks my phone so dont text back";
    private const string AboutAFriend = "my mate has been cutting again, im worried about her";

    private static readonly ScriptedRiskReader s_reader = new ScriptedRiskReader()
        .Add(Abuse, RiskLevel.High, RiskSubject.SenderFromOthers, ContactCaution.PhoneMayBeRead, "strangulation")
        .Add(AboutAFriend, RiskLevel.Review, RiskSubject.ThirdParty, ContactCaution.None, "self-harm");

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task AbuseWithAPhoneCaution_ThroughTheSignedWebhook_SendsADiscreetText_AndTellsStaffTheCautionFirst_WhileAReviewGetsNoCrisisText(DatabaseProvider provider)
    {
        await using var gateway = await CycleGateway.StartAsync(provider, s_start, services =>
        {
            services.RemoveAll<IRiskReader>();
            services.AddSingleton<IRiskReader>(s_reader);
        });
        var person = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));
        var friendOfSomeone = await gateway.AddPersonAsync(checkInTime: new TimeOnly(19, 0));

        var abuse = await gateway.TextAsync(person, Abuse);
        var review = await gateway.TextAsync(friendOfSomeone, AboutAFriend);

        // The sender: one text, discreet, naming no abuse and no service; the outbox sends it at once, quiet hours or not.
        var toSender = Assert.Single(await gateway.TextsToAsync(person));
        Assert.Equal((OutboundKind.Crisis, $"crisis:{abuse.Id}"), (toSender.Kind, toSender.DedupeKey));
        Assert.Equal("Thanks for your message. If you ever need help urgently, call 999.", toSender.Body);
        Assert.All(CrisisTextsTests.TellTaleWords, word => Assert.DoesNotContain(word, toSender.Body, StringComparison.OrdinalIgnoreCase));
        var sent = await EventuallyAsync(gateway, db => db.OutboundMessages.SingleOrDefaultAsync(m => m.Id == toSender.Id && m.Status != OutboundStatus.Pending && m.Status != OutboundStatus.Sending));
        Assert.NotNull(sent.ProviderMessageId);

        await using var check = gateway.Database.CreateContext();

        // Staff: the caution before anything else, no clinical words, the person's initials only.
        var staff = await check.OutboundMessages.Where(m => m.Kind == OutboundKind.SafeguardingAlert && m.OrganisationId == person.OrganisationId).ToListAsync();
        Assert.Equal(["+447700900998", "+447700900999"], staff.Select(t => t.ToPhone).Order(StringComparer.Ordinal));
        Assert.All(staff, t =>
        {
            Assert.StartsWith("Caution: someone else may read S.T.'s phone. Read the alert before you call or text them.", t.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("neck", t.Body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Sam", t.Body, StringComparison.Ordinal);
        });

        var alert = await check.Alerts.SingleAsync(a => a.ServiceUserId == person.Id);
        Assert.Equal((RiskLevel.High, ContactCaution.PhoneMayBeRead, abuse.Id), (alert.Severity, alert.Caution, alert.InboundMessageId!.Value));
        Assert.Equal([RiskSubject.SenderFromOthers], alert.Subjects);
        Assert.Equal([RiskSubject.SenderFromOthers], (await check.DiaryEntries.SingleAsync(e => e.ServiceUserId == person.Id)).RiskSubjects);

        // The Review reply: an alert for the therapist saying who is at risk, and no text to anyone.
        Assert.Empty(await gateway.TextsToAsync(friendOfSomeone));
        Assert.Empty(await check.OutboundMessages.Where(m => m.OrganisationId == friendOfSomeone.OrganisationId).ToListAsync());
        var reviewAlert = await check.Alerts.SingleAsync(a => a.ServiceUserId == friendOfSomeone.Id);
        Assert.Equal((RiskLevel.Review, review.Id), (reviewAlert.Severity, reviewAlert.InboundMessageId!.Value));
        Assert.Equal([RiskSubject.ThirdParty], reviewAlert.Subjects);
    }

    private static async Task<T> EventuallyAsync<T>(CycleGateway gateway, Func<BuddyDbContext, Task<T?>> query)
        where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using (var db = gateway.Database.CreateContext())
            {
                if (await query(db) is { } found)
                {
                    return found;
                }
            }

            // The outbox paces its sends on the (fake) clock: let a second of it pass at a time.
            Assert.True(DateTime.UtcNow < deadline, "Not seen within 30 seconds.");
            gateway.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
        }
    }
}
