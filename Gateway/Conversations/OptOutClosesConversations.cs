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
        if (eventData.Context is { } context && Closing.Of(context) is { } closing)
        {
            closing.Apply(
                await closing.Runs.ToListAsync(cancellationToken),
                await closing.Conversations.ToListAsync(cancellationToken),
                await closing.Pending.ToListAsync(cancellationToken));
        }

        return result;
    }

    /// <summary>A synchronous SaveChanges reads synchronously: never sync-over-async, which can deadlock or starve the pool.</summary>
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } context && Closing.Of(context) is { } closing)
        {
            closing.Apply(closing.Runs.ToList(), closing.Conversations.ToList(), closing.Pending.ToList());
        }

        return result;
    }

    /// <summary>The people this save makes untextable, and what of theirs is still open: read by the caller, sync or async.</summary>
    private sealed class Closing
    {
        private readonly DbContext _context;
        private readonly IReadOnlyList<ServiceUser> _people;
        private readonly Dictionary<Guid, DateTime> _changedAt;

        private Closing(DbContext context, IReadOnlyList<ServiceUser> people)
        {
            _context = context;
            _people = people;

            // Stamped with the moment of the change itself, which whoever made it took from the injected clock.
            _changedAt = people.ToDictionary(p => p.Id, p => p.ConsentChangedAtUtc ?? p.DischargedAtUtc ?? p.ErasedAtUtc ?? p.UpdatedAtUtc);
            var ids = _changedAt.Keys.ToList();
            Runs = context.Set<QuestionnaireRun>().Where(r => ids.Contains(r.ServiceUserId) && r.Status == QuestionnaireStatus.InProgress);
            Conversations = context.Set<Conversation>().Where(c => ids.Contains(c.ServiceUserId) && c.Status == ConversationStatus.Open);
            Pending = context.Set<OutboundMessage>()
                .Where(m => m.ServiceUserId != null && ids.Contains(m.ServiceUserId.Value) && m.Status == OutboundStatus.Pending && s_conversationKinds.Contains(m.Kind));
        }

        public IQueryable<QuestionnaireRun> Runs { get; }

        public IQueryable<Conversation> Conversations { get; }

        public IQueryable<OutboundMessage> Pending { get; }

        /// <summary>
        /// Null when nobody in this save became untextable (the usual case: no query at all). Only the people are
        /// scanned for changes: interceptors run before SaveChanges' own scan of every tracked row, and a batch of
        /// inbound texts tracks hundreds of rows, so scanning them all here as well doubled that cost on every save.
        /// </summary>
        public static Closing? Of(DbContext context)
        {
            var tracker = context.ChangeTracker;
            var detecting = tracker.AutoDetectChangesEnabled;
            tracker.AutoDetectChangesEnabled = false;
            List<ServiceUser> people;
            try
            {
                people = [.. tracker.Entries<ServiceUser>()
                    .Where(e =>
                    {
                        e.DetectChanges();
                        return e.State == EntityState.Modified && e.Entity.MayNotBeTexted &&
                            (e.Property(s => s.Consent).IsModified || e.Property(s => s.Status).IsModified || e.Property(s => s.PhoneE164).IsModified);
                    })
                    .Select(e => e.Entity)];
            }
            finally
            {
                tracker.AutoDetectChangesEnabled = detecting;
            }

            return people.Count == 0 ? null : new Closing(context, people);
        }

        public void Apply(List<QuestionnaireRun> runs, List<Conversation> conversations, List<OutboundMessage> pending)
        {
            foreach (var run in runs)
            {
                var person = _people.Single(p => p.Id == run.ServiceUserId);
                run.Close(QuestionnaireStatus.Cancelled, _changedAt[person.Id], person.Consent == ConsentState.OptedOut ? "opted out" : "can no longer be texted");
            }

            foreach (var conversation in conversations)
            {
                conversation.Close(ConversationStatus.Cancelled, _changedAt[conversation.ServiceUserId]);
            }

            foreach (var message in pending)
            {
                message.Status = OutboundStatus.Cancelled;
                message.StatusUpdatedAtUtc = _changedAt[message.ServiceUserId!.Value];
                message.ErrorMessage = "Withdrawn: the person can no longer be texted.";
            }

            _context.ChangeTracker.DetectChanges();
        }
    }
}
