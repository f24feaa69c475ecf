using Buddy.Domain.Organisations;
using Buddy.Domain.ServiceUsers;
using Buddy.Domain.Sms;
using Buddy.Gateway.Data;
using Buddy.Gateway.Replies;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>The service users who sent a batch of texts, and their organisations: two queries for the whole batch.</summary>
internal sealed class InboundSenders
{
    private readonly ILookup<string, ServiceUser> _users;
    private readonly Dictionary<Guid, Organisation> _organisations;

    private InboundSenders(ILookup<string, ServiceUser> users, Dictionary<Guid, Organisation> organisations)
    {
        _users = users;
        _organisations = organisations;
    }

    public static async Task<InboundSenders> LoadAsync(BuddyDbContext db, IReadOnlyList<InboundMessage> messages, CancellationToken cancellationToken)
    {
        var phones = messages.Select(m => m.FromPhone).Distinct(StringComparer.Ordinal).ToList();
        var users = await db.ServiceUsers
            .Where(u => u.PhoneE164 != null && phones.Contains(u.PhoneE164) && u.ErasedAtUtc == null)
            .ToListAsync(cancellationToken);
        var organisationIds = users.Select(u => u.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        return new InboundSenders(users.ToLookup(u => u.PhoneE164!, StringComparer.Ordinal), organisations);
    }

    /// <summary>The service user texting from this number, or null for an unknown sender (more than one is a data error and throws).</summary>
    public ServiceUser? UserOf(string phone) => _users[phone].SingleOrDefault();

    public Organisation OrganisationOf(ServiceUser user) => _organisations[user.OrganisationId];

    /// <summary>What the reply steps read about these senders, loaded once for all of the texts (see <see cref="ReplyBatch"/>).</summary>
    public ReplyBatch BatchOf(BuddyDbContext db, IReadOnlyList<InboundMessage> messages, DateTime nowUtc) =>
        new(db, [.. _users.SelectMany(g => g).Select(u => u.Id)], [.. messages.Select(m => m.Id)], nowUtc);
}
