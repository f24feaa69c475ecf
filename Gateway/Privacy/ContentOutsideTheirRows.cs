using Buddy.Domain.Privacy;
using Buddy.Domain.ServiceUsers;
using Buddy.Gateway.Data;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Privacy;

/// <summary>
/// Personal data about someone that sits in rows not keyed to them: texts to staff that named them, texts from
/// their number that matched no one, and audit details that mention them. Erasure and retention both clear these.
/// </summary>
internal static class ContentOutsideTheirRows
{
    /// <summary>Everything that identifies the person, for finding them in free text. Read before the profile is cleared.</summary>
    public static IdentifierScrubber ScrubberFor(ServiceUser person) =>
        new([person.DisplayName, person.FirstName, person.PhoneE164, person.ExternalReference]);

    /// <summary>Staff alert texts naming them keep their delivery record but lose their words.</summary>
    public static async Task<int> ClearStaffTextsAboutAsync(BuddyDbContext db, ServiceUser person, IdentifierScrubber scrubber, CancellationToken cancellationToken)
    {
        var staffTexts = await db.OutboundMessages
            .Where(m => m.OrganisationId == person.OrganisationId && m.ServiceUserId == null && m.Body != PersonalDataStub.RemovedText)
            .Select(m => new { m.Id, m.Body, m.ErrorMessage })
            .ToListAsync(cancellationToken);
        var naming = staffTexts.Where(m => scrubber.Matches(m.Body) || scrubber.Matches(m.ErrorMessage)).Select(m => m.Id).ToList();
        if (naming.Count == 0)
        {
            return 0;
        }

        return await db.OutboundMessages.Where(m => naming.Contains(m.Id)).ExecuteUpdateAsync(
            set => set.SetProperty(m => m.Body, PersonalDataStub.RemovedText).SetProperty(m => m.ErrorMessage, (string?)null),
            cancellationToken);
    }

    /// <summary>Removes their names and number from the details of audit events about them; the events themselves stay.</summary>
    public static async Task<int> ScrubAuditDetailsAsync(BuddyDbContext db, Guid serviceUserId, IdentifierScrubber scrubber, CancellationToken cancellationToken)
    {
        var events = await db.AuditEvents.Where(a => a.ServiceUserId == serviceUserId && a.Detail != null).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var audit in events.Where(a => scrubber.Matches(a.Detail)))
        {
            audit.Detail = scrubber.Scrub(audit.Detail);
            changed++;
        }

        return changed;
    }
}
