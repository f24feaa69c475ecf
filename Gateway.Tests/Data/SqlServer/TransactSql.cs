using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Buddy.Tests.Data.SqlServer;

/// <summary>T-SQL read with Microsoft's own parser (ScriptDom), so SQL Server's syntax is checked with no server.</summary>
internal static class TransactSql
{
    public static TSqlScript Parse(string sql, out IReadOnlyList<string> errors)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var script = (TSqlScript)parser.Parse(reader, out var found);
        errors = [.. found.Select(e => $"line {e.Line}: {e.Message}")];
        return script;
    }

    public static string Text(TSqlFragment fragment)
    {
        new Sql160ScriptGenerator().GenerateScript(fragment, out var text);
        return text;
    }
}
