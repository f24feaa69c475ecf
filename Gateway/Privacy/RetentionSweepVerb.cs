using Buddy.Domain.Privacy;
using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Privacy;

/// <summary><c>Gateway retention-sweep</c>: runs the nightly retention policy now (for operators and first runs).</summary>
internal sealed class RetentionSweepVerb(RetentionSweep sweep, RetentionPolicy policy, TimeProvider clock) : ICommandVerb
{
    public string Name => "retention-sweep";

    public string Usage => "retention-sweep              remove identifiable content of people discharged longer ago than DataProtection:RetainAfterDischargeDays";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        if (args.Count > 0)
        {
            return await VerbErrors.UsageAsync(output, this, "retention-sweep takes no options.");
        }

        var result = await sweep.RunAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        await output.WriteLineAsync(
            $"Anonymised {result.AnonymisedServiceUserIds.Count} service user(s) discharged more than {policy.RetainAfterDischargeDays} days ago; " +
            $"cleared {result.UnmatchedInboundCleared} text(s) from unknown numbers older than {policy.RetainUnmatchedInboundDays} days.");
        foreach (var id in result.AnonymisedServiceUserIds)
        {
            await output.WriteLineAsync($"  {id}");
        }

        return 0;
    }
}
