using System.Globalization;
using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Sms.Inbound;

/// <summary>
/// <c>Gateway recover-inbound --since TIME</c>: reads Twilio's log from TIME now and stores any text the webhook never
/// delivered (after an outage longer than the recovery's overlap, or to check). The gateway processes them when it runs.
/// </summary>
internal sealed class RecoverInboundVerb(IServiceProvider services, TimeProvider clock) : ICommandVerb
{
    public string Name => "recover-inbound";

    public string Usage => "recover-inbound --since TIME  store texts Twilio received since TIME (UTC, e.g. 2026-11-25T18:00Z) that the webhook never delivered";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var options = VerbOptions.Parse(args, ["since"], out var problem);
        if (options is null)
        {
            return await VerbErrors.UsageAsync(output, this, problem);
        }

        if (options.Missing("since") is { } missing)
        {
            return await VerbErrors.UsageAsync(output, this, $"Missing {missing}.");
        }

        if (!DateTimeOffset.TryParse(options["since"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
        {
            return await VerbErrors.UsageAsync(output, this, $"--since '{options["since"]}' is not a time; give one such as 2026-11-25T18:00Z.");
        }

        if (since > clock.GetUtcNow())
        {
            return await VerbErrors.UsageAsync(output, this, "--since is in the future.");
        }

        // On demand it runs whether or not the periodic job is switched on.
        if (services.GetService<InboundRecovery>() is not { } recovery)
        {
            return await VerbErrors.FailAsync(output, "Inbound recovery needs Sms:Provider=Twilio: only Twilio keeps a log of the texts it received.");
        }

        var results = await recovery.RecoverAsync(since.UtcDateTime, cancellationToken);
        foreach (var result in results)
        {
            var number = Redact.Phone(result.Number);
            await output.WriteLineAsync(
                result.Skipped ? $"{number}: another gateway is reading this number's log now; try again in a few minutes."
                : result.Error is { } error ? $"{number}: failed after storing {result.Recovered} text(s): {error}"
                : $"{number}: {result.Listed} text(s) in Twilio's log since {since.UtcDateTime:u}, {result.Recovered} of them stored now (the rest had arrived).");
        }

        return results.Any(r => r.Error is not null || r.Skipped) ? VerbErrors.Refused : 0;
    }
}
