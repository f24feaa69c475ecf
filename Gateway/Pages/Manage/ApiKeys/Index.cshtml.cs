using Buddy.Domain.ApiKeys;
using Buddy.Gateway.ApiKeys;
using Buddy.Gateway.Manage;
using Buddy.Gateway.Organisations;

namespace Buddy.Gateway.Pages.Manage.ApiKeys;

/// <summary>The organisation's API keys: name, prefix, created, last used and revoked, each with a way to revoke it.</summary>
public sealed class IndexModel(ApiKeyIssuer issuer, OrganisationCommands organisations) : ManagePageModel
{
    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>Times are shown in the organisation's zone.</summary>
    public string TimeZoneId { get; private set; } = "Europe/London";

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        TimeZoneId = (await organisations.GetAsync(Scope, cancellationToken)).TimeZoneId;
        Keys = await issuer.ListAsync(Scope.OrganisationId, cancellationToken);
    }
}
