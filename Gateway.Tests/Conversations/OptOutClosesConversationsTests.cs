using Buddy.Domain.Conversations;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Tests.Privacy;
using Buddy.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Conversations;

/// <summary>
/// The save interceptor that closes what is open for someone who can no longer be texted, on either path EF Core
/// offers: SaveChangesAsync and the synchronous SaveChanges (which reads synchronously, never blocking on async work).
/// </summary>
public sealed class OptOutClosesConversationsTests
{
    private static readonly DateTime s_now = new(2026, 3, 4, 12, 0, 0, DateTimeKind.Utc);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public Task SaveChangesAsync_WhenThePersonOptsOut_CancelsTheirQuestionnaireConversationAndWaitingTexts(DatabaseProvider provider) =>
        OptOutAsync(provider, synchronous: false);

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public Task SaveChanges_WhenThePersonOptsOut_CancelsTheirQuestionnaireConversationAndWaitingTexts(DatabaseProvider provider) =>
        OptOutAsync(provider, synchronous: true);

    private static async Task OptOutAsync(DatabaseProvider provider, bool synchronous)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid personId, runId, textId;
        await using (var db = database.CreateContext())
        {
            var organisation = await SeededPerson.AddOrganisationAsync(db, "Northshire");
            var person = (await SeededPerson.AddAsync(db, organisation, "Ava", "+447700900123", s_now)).ServiceUser;
            var run = new QuestionnaireRun
            {
                OrganisationId = organisation.Id, ServiceUserId = person.Id, Kind = QuestionnaireKind.Gad7, StartedAtUtc = s_now.AddHours(-1),
                LastPromptAtUtc = s_now.AddHours(-1), ExpiresAtUtc = s_now.AddHours(47),
            };
            var text = new OutboundMessage
            {
                OrganisationId = organisation.Id, ServiceUserId = person.Id, ToPhone = "+447700900123", Body = "Item 2 of 7", Kind = OutboundKind.Questionnaire,
                Status = OutboundStatus.Pending, DedupeKey = $"q:{run.Id}:2", NotBeforeUtc = s_now.AddMinutes(5), CreatedAtUtc = s_now,
            };
            db.AddRange(run, text);
            await db.SaveChangesAsync();
            (personId, runId, textId) = (person.Id, run.Id, text.Id);
        }

        await using (var db = database.CreateContext())
        {
            var person = await db.ServiceUsers.SingleAsync(s => s.Id == personId);
            person.Consent = ConsentState.OptedOut;
            person.ConsentChangedAtUtc = s_now;
            if (synchronous)
            {
                db.SaveChanges();
            }
            else
            {
                await db.SaveChangesAsync();
            }
        }

        await using var check = database.CreateContext();
        var closedRun = await check.QuestionnaireRuns.SingleAsync(r => r.Id == runId);
        Assert.Equal((QuestionnaireStatus.Cancelled, (DateTime?)s_now), (closedRun.Status, closedRun.ClosedAtUtc));
        Assert.All(await check.Conversations.Where(c => c.ServiceUserId == personId).ToListAsync(), c => Assert.Equal(ConversationStatus.Cancelled, c.Status));
        var withdrawn = await check.OutboundMessages.SingleAsync(m => m.Id == textId);
        Assert.Equal((OutboundStatus.Cancelled, (DateTime?)s_now), (withdrawn.Status, withdrawn.StatusUpdatedAtUtc));
    }
}
