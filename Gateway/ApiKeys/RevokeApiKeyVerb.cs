using Buddy.Gateway.Audit;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Organisations;

namespace Buddy.Gateway.ApiKeys;

/// <summary>
/// <c>Gateway revoke-api-key --organisation N --key K</c>: the key stops working at once. K is the key's id, its
/// prefix as printed when it was made (<c>bdy_1a2B3c4D</c>), or the whole key, e.g. one found in a log: it is being
/// revoked, so naming it on the command line costs nothing.
/// </summary>
internal sealed class RevokeApiKeyVerb(BuddyDbContext db, ApiKeyIssuer issuer) : ICommandVerb
{
    internal TextWriter Error { get; set; } = Console.Error;

    public string Name => "revoke-api-key";

    public string Usage => "revoke-api-key --organisation N --key ID|PREFIX|KEY   revoke an API key at once (its id, its bdy_… prefix or the key itself)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var options = VerbOptions.ParseRequired(args, ["organisation", "key"], ["organisation", "key"], out var error);
        if (options is null)
        {
            return await VerbErrors.UsageAsync(Error, this, error);
        }

        if (await db.FindForVerbAsync(options, Error, cancellationToken) is not { } organisation)
        {
            return VerbErrors.Refused;
        }

        var keys = await issuer.FindByWordsAsync(organisation.Id, options["key"]!, cancellationToken);
        switch (keys.Count)
        {
            case 0:
                return await VerbErrors.FailAsync(Error, $"'{organisation.Name}' has no API key with that id, prefix or value.");
            case > 1:
                return await VerbErrors.FailAsync(Error, $"{keys.Count} of '{organisation.Name}''s keys share that prefix; name the key by its id ({string.Join(", ", keys.Select(k => k.Id))}).");
        }

        var key = keys[0];
        if (key.RevokedAtUtc is { } revokedAt)
        {
            await output.WriteLineAsync($"API key '{key.Name}' ({key.Prefix}…) of '{organisation.Name}' was already revoked at {revokedAt:yyyy-MM-dd HH:mm} UTC.");
            return 0;
        }

        await issuer.RevokeAsync(OperatorScope.For(organisation.Id), key.Id, cancellationToken);
        await output.WriteLineAsync($"Revoked API key '{key.Name}' ({key.Prefix}…) of '{organisation.Name}'. It is refused from now on.");
        return 0;
    }
}
