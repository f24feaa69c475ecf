namespace Buddy.Tests.Support;

/// <summary>
/// Files shared by the whole team that live beside the repository, not in it: CI checks shared/ out next to the
/// clone (<c>&lt;repo&gt;/../shared/</c>); a worktree one level deeper finds the same folder further up.
/// <see cref="RepositoryRoot"/> is the folder holding Buddy.sln.
/// </summary>
public static class SharedFiles
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The nearest shared/ folder above the repository (null when there is none).</summary>
    public static string? SharedRoot { get; } = FindSharedRoot();

    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([SharedRoot ?? System.IO.Path.Combine(RepositoryRoot, "..", "shared"), .. parts]);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "Buddy.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Buddy.sln above {AppContext.BaseDirectory}.");
    }

    private static string? FindSharedRoot()
    {
        for (var folder = new DirectoryInfo(RepositoryRoot).Parent; folder is not null; folder = folder.Parent)
        {
            var candidate = System.IO.Path.Combine(folder.FullName, "shared");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
