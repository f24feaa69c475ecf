using Buddy.Domain.Audit;
using Buddy.Domain.Sms;
using Buddy.Gateway.Audit;
using Buddy.Gateway.Caseloads;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// Subject access and filing in the clinical record: gathers everything held about one service user and writes
/// it as JSON, a zip of CSVs or a printable HTML summary. Every export is audited (who, when, which format).
/// For the dashboard and API: call <see cref="ExportAsync"/> with the signed-in caller's scope, which keeps staff and API
/// keys to their own organisation (and a therapist to their caseload), and serve the stream as an attachment named by <see cref="ExportFormatExtensions.FileName"/>.
/// </summary>
public sealed class ServiceUserExporter(BuddyDbContext db, TimeProvider clock, ILogger<ServiceUserExporter> logger)
{
    /// <summary>Writes the export to <paramref name="output"/>; false (nothing written) when no such person is in the scope.</summary>
    /// <param name="scope">Who asks and whose data they may see; null for an operator at the console (the whole installation).</param>
    public async Task<bool> ExportAsync(Guid serviceUserId, ExportFormat format, CaseloadScope? scope, Stream output, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown export format.");
        }

        var export = await CollectAsync(serviceUserId, scope, cancellationToken);
        if (export is null)
        {
            return false;
        }

        var actor = ActorOf(scope);
        // Recorded before a byte is written: an export that fails half-way is still on the audit trail, never the reverse.
        AuditTrail.Stage(db, actor, export.ServiceUser.OrganisationId, "service-user.exported", serviceUserId, AuditEntities.ServiceUser, serviceUserId.ToString(),
            $"format={format.ToString().ToLowerInvariant()}; rows={export.Sections.Sum(s => s.Rows.Count)}", export.ExportedAtUtc);
        await db.SaveChangesAsync(cancellationToken);

        switch (format)
        {
            case ExportFormat.Json:
                await JsonExportWriter.WriteAsync(export, output, cancellationToken);
                break;
            case ExportFormat.Csv:
                await CsvExportWriter.WriteAsync(export, output, cancellationToken);
                break;
            case ExportFormat.Html:
                await HtmlExportWriter.WriteAsync(export, output, cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, null);
        }

        logger.LogInformation("Exported service user {ServiceUserId} as {Format} for {ActorType} {ActorId}", serviceUserId, format, actor.Type, actor.Id);
        return true;
    }

    /// <summary>
    /// Reads everything about the person in one snapshot; null when not found or not in the scope.
    /// Internal: anything shown to a person goes through <see cref="ExportAsync"/>, which audits it.
    /// </summary>
    internal async Task<ServiceUserExport?> CollectAsync(Guid serviceUserId, CaseloadScope? scope, CancellationToken cancellationToken)
    {
        // One read transaction, so the kinds agree with each other (no reply without its diary entry).
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var serviceUser = await db.ServiceUsers.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceUserId, cancellationToken);
        if (serviceUser is null || scope?.Includes(serviceUser) == false)
        {
            return null;
        }

        var organisationName = await db.Organisations.Where(o => o.Id == serviceUser.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var therapistName = serviceUser.TherapistId is { } therapistId
            ? await db.StaffMembers.Where(s => s.Id == therapistId).Select(s => s.DisplayName).SingleOrDefaultAsync(cancellationToken)
            : null;

        var sections = new List<ExportSection>
        {
            ExportSection.For(db.Model.FindEntityType(typeof(Domain.ServiceUsers.ServiceUser))!, [serviceUser]),
        };
        foreach (var entity in PersonalDataTables.AboutServiceUser(db.Model).OrderBy(e => e.GetTableName(), StringComparer.Ordinal))
        {
            var rows = await PersonalDataTables.RowsOf(db, entity, serviceUserId).ToListAsync(cancellationToken);
            if (entity.ClrType == typeof(InboundMessage) && serviceUser.PhoneE164 is { } phone)
            {
                // Texts from their number that matched nobody (sent before they were registered, or garbled) are theirs too.
                rows.AddRange(await db.InboundMessages.AsNoTracking()
                    .Where(m => m.ServiceUserId == null && m.FromPhone == phone)
                    .ToListAsync(cancellationToken));
            }

            sections.Add(ExportSection.For(entity, rows));
        }

        await transaction.CommitAsync(cancellationToken);
        return new ServiceUserExport(clock.GetUtcNow().UtcDateTime, Describe(ActorOf(scope)), serviceUser, organisationName, therapistName, sections);
    }

    private static AuditActor ActorOf(CaseloadScope? scope) => scope is null ? AuditActor.Operator : AuditActor.Of(scope);

    private static string Describe(AuditActor actor) => actor.Type switch
    {
        AuditActorType.Operator => "an operator at the command line",
        AuditActorType.System => "Buddy (automatic)",
        _ => $"{actor.Type} {actor.Id}",
    };
}
