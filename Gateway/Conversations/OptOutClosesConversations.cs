using Buddy.Domain.Conversations;
using Buddy.Domain.Questionnaires;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Buddy.Gateway.Conversations;

/// <summary>
/// Whenever a save makes someone untextable (STOP or another opt-out word, discharge, erasure), in the same
/// transaction: their questionnaire in progress is Cancelled, their open questions are closed, and the
/// conversation texts still waiting in the outbox are withdrawn. So STOP mid-questionnaire means no next item,
/// whichever code path set the consent.
/// </summary>
public sealed class OptOutClosesConversations : SaveChangesInterceptor
{
    /// <summary>Stateless, so one instance serves every context.</summary>
    public static readonly OptOutClosesConversations Instance = new();

    private static readonly OutboundKind[] s_conversationKinds =
        [OutboundKind.Questionnaire, OutboundKind.CheckInSecondStep, OutboundKind.ConversationReply, OutboundKind.GoalReminder, OutboundKind.AppointmentReminder];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
        {
            await CloseForOptedOutAsync(context, cancellationToken);
        }

        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context)
        {
            CloseForOptedOutAsync(context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    private static async Task CloseForOptedOutAsync(DbContext context, CancellationToken cancellationToken)
    {
        context.ChangeTracker.DetectChanges();
        var people = context.ChangeTracker.Entries<ServiceUser>()
            .Where(e => e.State == EntityState.Modified && e.Entity.MayNotBeTexted &&
                        (e.Property(s => s.Consent).IsModified || e.Property(s => s.Status).IsModified || e.Property(s => s.PhoneE164).IsModified))
            .Select(e => e.Entity)
            .ToList();
        if (people.Count == 0)
        {
            return;
        }

        // Stamped with the moment of the change itself, which whoever made it took from the injected clock.
        var changedAt = people.ToDictionary(p => p.Id, p => p.ConsentChangedAtUtc ?? p.DischargedAtUtc ?? p.ErasedAtUtc ?? p.UpdatedAtUtc);
        var ids = changedAt.Keys.ToList();
        foreach (var run in await context.Set<QuestionnaireRun>().Where(r => ids.Contains(r.ServiceUserId) && r.Status == QuestionnaireStatus.InProgress).ToListAsync(cancellationToken))
        {
            var person = people.Single(p => p.Id == run.ServiceUserId);
            run.Close(QuestionnaireStatus.Cancelled, changedAt[person.Id], person.Consent == ConsentState.OptedOut ? "opted out" : "can no longer be texted");
        }

        foreach (var conversation in await context.Set<Conversation>().Where(c => ids.Contains(c.ServiceUserId) && c.Status == ConversationStatus.Open).ToListAsync(cancellationToken))
        {
            conversation.Close(ConversationStatus.Cancelled, changedAt[conversation.ServiceUserId]);
        }

        var pending = await context.Set<OutboundMessage>()
            .Where(m => m.ServiceUserId != null && ids.Contains(m.ServiceUserId.Value) && m.Status == OutboundStatus.Pending && s_conversationKinds.Contains(m.Kind))
            .ToListAsync(cancellationToken);
        foreach (var message in pending)
        {
            message.Status = OutboundStatus.Cancelled;
            message.StatusUpdatedAtUtc = changedAt[message.ServiceUserId!.Value];
            message.ErrorMessage = "Withdrawn: the person can no longer be texted.";
        }

        context.ChangeTracker.DetectChanges();
    }
}
