using Buddy.Gateway.Audit;
using Buddy.Gateway.Data;
using Buddy.Gateway.Hosting;
using Buddy.Gateway.Organisations;

namespace Buddy.Gateway.ApiKeys;

/// <summary>
/// <c>Gateway create-api-key --organisation N [--name label]</c>: prints a new key once, on standard output alone,
/// so a script can capture it. Only its hash is stored.
/// </summary>
internal sealed class CreateApiKeyVerb(BuddyDbContext db, ApiKeyIssuer issuer) : ICommandVerb
{
    internal TextWriter Error { get; set; } = Console.Error;

    public string Name => "create-api-key";

    public string Usage => "create-api-key --organisation N [--name label]   print a new API key for the organisation (shown once)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var options = VerbOptions.ParseRequired(args, ["organisation", "name"], ["organisation"], out var error);
        if (options is null)
        {
            return await VerbErrors.UsageAsync(Error, this, error);
        }

        var label = options["name"] ?? "API key";
        if (label.Length > ApiKeyIssuer.MaxNameLength)
        {
            return await VerbErrors.FailAsync(Error, $"The key's name must be {ApiKeyIssuer.MaxNameLength} characters or fewer.");
        }

        if (await db.FindForVerbAsync(options, Error, cancellationToken) is not { } organisation)
        {
            return VerbErrors.Refused;
        }

        var (key, secret) = await issuer.IssueAsync(OperatorScope.For(organisation.Id), label, cancellationToken);
        await Error.WriteLineAsync($"Created API key '{key.Name}' ({key.Prefix}…) for '{organisation.Name}'. It is shown once; store it now.");
        await output.WriteLineAsync(secret);
        return 0;
    }
}
