namespace Buddy.Tests.Support;

/// <summary>
/// A gateway's real rolling log file in a folder of its own: the settings that turn it on there, and its text, read
/// while Serilog may still hold the file open.
/// </summary>
internal sealed class LogFiles
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "buddy-tests", $"logs-{Guid.NewGuid():N}");

    /// <summary>Logging:DisableFile off and Logging:Folder here.</summary>
    public Dictionary<string, string?> Settings() => new() { ["Logging:DisableFile"] = "false", ["Logging:Folder"] = Folder };

    public string ReadAll() => string.Concat(Directory.GetFiles(Folder).Select(ReadShared));

    public List<string> Lines() => [.. ReadAll().Split('\n')];

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
