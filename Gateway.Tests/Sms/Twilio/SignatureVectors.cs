using System.Text.Json;
using Buddy.Tests.Support;

namespace Buddy.Tests.Sms.Twilio;

/// <summary>Twilio's published X-Twilio-Signature examples, from shared/twilio/ beside the repository.</summary>
internal static class SignatureVectors
{
    private static readonly Lazy<IReadOnlyList<JsonElement>> s_all = new(Load);

    public static IReadOnlyList<JsonElement> All => s_all.Value;

    public static List<KeyValuePair<string, string>> Params(JsonElement vector) =>
        vector.TryGetProperty("params", out var list)
            ? [.. list.EnumerateArray().Select(pair => new KeyValuePair<string, string>(pair[0].GetString()!, pair[1].GetString()!))]
            : [];

    private static IReadOnlyList<JsonElement> Load()
    {
        var path = SharedFiles.Path("twilio", "signature-vectors.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.GetProperty("vectors").EnumerateArray().Select(v => v.Clone())];
    }
}
