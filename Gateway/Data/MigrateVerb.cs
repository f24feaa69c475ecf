using Buddy.Gateway.Hosting;

namespace Buddy.Gateway.Data;

/// <summary><c>Gateway migrate</c>: apply pending schema scripts and exit (for deploy pipelines).</summary>
internal sealed class MigrateVerb(SchemaMigrator migrator, DatabaseSettings settings) : ICommandVerb
{
    public string Name => "migrate";

    public bool AppliesSchemaFirst => false;

    public string Usage => "migrate                      apply pending sql/ scripts to the configured database";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextReader input, TextWriter output, CancellationToken cancellationToken)
    {
        var applied = await migrator.MigrateAsync(cancellationToken);
        await output.WriteLineAsync(applied.Count == 0
            ? $"{settings.Provider} database is up to date."
            : $"Applied {applied.Count} script(s) to the {settings.Provider} database: {string.Join(", ", applied.Select(s => s.Name))}.");
        return 0;
    }
}
