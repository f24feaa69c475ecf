using Buddy.Domain.Audit;
using Buddy.Domain.Privacy;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Privacy;

/// <summary>What an erasure removed, per table; no personal data.</summary>
public sealed record ErasureResult(Guid ServiceUserId, DateTime ErasedAtUtc, bool WasAlreadyErased, IReadOnlyDictionary<string, int> RowsRemoved);

/// <summary>
/// Erasure on request (UK GDPR article 17): deletes every row about the person (texts both ways, diary, alerts,
/// check-ins, schedule, sessions, and any table a later feature keys to a service user), clears their name,
/// number and reference, and leaves the service-user row as a stub ("Erased service user 3F2A") so audit events
/// still point somewhere. Audit events about them stay (who saw what is the organisation's record), with their
/// identifiers scrubbed, plus one "service-user.erased" event. All in one transaction: all or nothing. After the
/// commit the freed space is reclaimed (<see cref="FreedSpace"/>), so the old bytes do not linger in the file.
/// A number that was erased and texts again is an unknown sender, because no service user holds it any more.
/// </summary>
public sealed class ErasureService(BuddyDbContext db, TimeProvider clock, ILogger<ErasureService> logger)
{
    public const string ErasedAction = "service-user.erased";

    /// <param name="scope">Who asks and whose data they may erase; null for an operator at the console (the whole installation).</param>
    /// <returns>Null when no such person is in the scope.</returns>
    public async Task<ErasureResult?> EraseAsync(Guid serviceUserId, CaseloadScope? scope, string reason, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("An erasure needs a reason for the audit trail.", nameof(reason));
        }

        var strategy = db.Database.CreateExecutionStrategy();
        var result = await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var person = await db.ServiceUsers.SingleOrDefaultAsync(s => s.Id == serviceUserId, cancellationToken);
            if (person is null || scope?.Includes(person) == false)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var wasAlreadyErased = person.ErasedAtUtc is not null;
            var scrubber = ContentOutsideTheirRows.ScrubberFor(person);
            var removed = new SortedDictionary<string, int>(StringComparer.Ordinal);

            // Texts from their number that matched no one are theirs too; they go before the number is forgotten.
            if (person.PhoneE164 is { } phone)
            {
                removed["inbound_messages (unmatched, from their number)"] = await db.InboundMessages
                    .Where(m => m.ServiceUserId == null && m.FromPhone == phone)
                    .ExecuteDeleteAsync(cancellationToken);
            }

            foreach (var entity in PersonalDataTables.AboutServiceUser(db.Model).Where(e => e.ClrType != typeof(AuditEvent)))
            {
                removed[entity.GetTableName()!] = await PersonalDataTables.DeleteRowsOfAsync(db, entity, serviceUserId, cancellationToken);
            }

            removed["outbound_messages (to staff, naming them)"] = await ContentOutsideTheirRows.ClearStaffTextsAboutAsync(db, person, scrubber, cancellationToken);
            removed["audit_events (details scrubbed)"] = await ContentOutsideTheirRows.ScrubAuditDetailsAsync(db, serviceUserId, scrubber, cancellationToken);

            person.DisplayName = PersonalDataStub.DisplayNameFor(person.Id);
            person.FirstName = null;
            person.PhoneE164 = null;
            person.ExternalReference = null;
            person.Status = ServiceUserStatus.Discharged;
            person.DischargedAtUtc ??= now;
            person.ErasedAtUtc = now;
            person.UpdatedAtUtc = now;

            var counts = string.Join(", ", removed.Where(r => r.Value > 0).Select(r => $"{r.Key}={r.Value}"));
            // The reason is the operator's free text and may name the person: their identifiers are scrubbed out.
            var actor = scope is null ? AuditActor.Operator : AuditActor.Of(scope);
            AuditTrail.Stage(db, actor, person.OrganisationId, ErasedAction, person.Id, AuditEntities.ServiceUser, person.Id.ToString(),
                $"reason: {scrubber.Scrub(reason.Trim())}; removed: {(counts.Length == 0 ? "nothing" : counts)}", now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            logger.LogInformation("Erased service user {ServiceUserId} for {ActorType} {ActorId}: {Counts}", person.Id, actor.Type, actor.Id, counts);
            return new ErasureResult(person.Id, now, wasAlreadyErased, removed);
        });

        // Deleted rows are gone from every query now; this takes them out of the database files too.
        if (result is { WasAlreadyErased: false })
        {
            await FreedSpace.ReclaimAsync(db, logger, cancellationToken);
        }

        return result;
    }
}
