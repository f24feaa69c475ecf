namespace Buddy.Gateway.Hosting;

/// <summary>The two ways a command verb refuses: wrong arguments (exit 64, with its usage) or a refused request (exit 1).</summary>
public static class VerbErrors
{
    public const int Usage = 64;
    public const int Refused = 1;

    public static async Task<int> UsageAsync(TextWriter error, ICommandVerb verb, string problem)
    {
        await error.WriteLineAsync($"{problem} Usage: Gateway {verb.Usage}");
        return Usage;
    }

    public static async Task<int> FailAsync(TextWriter error, string problem)
    {
        await error.WriteLineAsync(problem);
        return Refused;
    }
}
