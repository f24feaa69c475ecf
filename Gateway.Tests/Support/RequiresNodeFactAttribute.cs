using System.Diagnostics;

namespace Buddy.Tests.Support;

/// <summary>A fact that runs a script under Node.js: skipped with a printed reason when node is absent, failed instead when BUDDY_REQUIRE_ALL=1.</summary>
public sealed class RequiresNodeFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> s_hasNode = new(() =>
    {
        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true });
            node!.WaitForExit(10_000);
            return node.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public RequiresNodeFactAttribute()
    {
        if (!s_hasNode.Value && Environment.GetEnvironmentVariable("BUDDY_REQUIRE_ALL") != "1")
        {
            Skip = "Node.js is not installed (apt-get install nodejs); the browser counter's parity test needs it.";
        }
    }
}
