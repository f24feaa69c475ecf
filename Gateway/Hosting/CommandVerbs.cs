using Buddy.Gateway.Data;

namespace Buddy.Gateway.Hosting;

public static class CommandVerbs
{
    /// <summary>A first argument that is not an option (does not start with '-') names a verb.</summary>
    public static bool TrySplit(string[] args, out string verb, out string[] rest)
    {
        if (args.Length > 0 && !args[0].StartsWith('-'))
        {
            verb = args[0];
            rest = args[1..];
            return true;
        }

        verb = "";
        rest = args;
        return false;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string verb, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var verbs = scope.ServiceProvider.GetServices<ICommandVerb>().OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
        var match = verbs.FirstOrDefault(v => v.Name == verb);
        if (match is null)
        {
            var known = verb is "help" or "--help" ? Console.Out : Console.Error;
            if (verb is not "help")
            {
                await known.WriteLineAsync($"Unknown command '{verb}'. Commands:");
            }

            foreach (var v in verbs)
            {
                await known.WriteLineAsync($"  Gateway {v.Usage}");
            }

            return verb is "help" ? 0 : 64;
        }

        if (match.AppliesSchemaFirst)
        {
            await services.MigrateDatabaseAsync(cancellationToken);
        }

        return await match.RunAsync(args, Console.In, Console.Out, cancellationToken);
    }
}
