namespace Buddy.Gateway.Hosting;

/// <summary>
/// A command run on the gateway executable instead of the web host (<c>Gateway migrate</c>,
/// <c>Gateway parse "..."</c>). Each feature registers its own verbs; the host is built but never started.
/// </summary>
public interface ICommandVerb
{
    string Name { get; }

    /// <summary>One line for <c>Gateway help</c>.</summary>
    string Usage { get; }

    /// <summary>
    /// Whether the database's pending schema scripts are applied before the verb runs (as start-up does), so a verb
    /// on a fresh or older database works instead of failing on a missing table. False for verbs that need no
    /// database (parse) and for migrate itself.
    /// </summary>
    bool AppliesSchemaFirst => true;

    /// <summary>Returns the process exit code. <paramref name="args"/> excludes the verb itself.</summary>
    Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken);
}
