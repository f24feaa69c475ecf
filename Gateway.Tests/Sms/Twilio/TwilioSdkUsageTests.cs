using System.Collections.Specialized;
using System.Text.RegularExpressions;
using Buddy.Tests.Support;

namespace Buddy.Tests.Sms.Twilio;

/// <summary>
/// How the gateway uses Twilio's SDK: explicit clients only, never the process-wide static one, and the hand-written
/// signature validator kept because the SDK's own disagrees with Twilio's published examples.
/// </summary>
public sealed partial class TwilioSdkUsageTests
{
    [Fact]
    public void GatewaySource_NeverUsesTheSdksStaticClient()
    {
        // TwilioClient.Init (or SetRestClient/GetRestClient) would hold one account's credentials for the whole
        // process and bypass the HTTP client the gateway configures (timeouts, handlers, the mock's address).
        var offenders = Directory.EnumerateFiles(Path.Combine(SharedFiles.RepositoryRoot, "Gateway"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains("node_modules", StringComparison.Ordinal))
            .SelectMany(file => File.ReadLines(file).Select((line, index) => (file, line, index)))
            .Where(hit => StaticClientUse().IsMatch(hit.line) && !hit.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !hit.line.TrimStart().StartsWith("///", StringComparison.Ordinal))
            .Select(hit => $"{Path.GetRelativePath(SharedFiles.RepositoryRoot, hit.file)}:{hit.index + 1}: {hit.line.Trim()}")
            .ToList();

        Assert.True(offenders.Count == 0, "The gateway must create TwilioRestClient instances itself:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void SdkRequestValidator_OnThePublishedVectors_IsWrongOnSevenAndThrowsOnAnEmptySignature()
    {
        // Why TwilioSignature is hand-written (see its summary). If a later SDK agrees with every vector, this fails
        // and the SDK's validator can be reconsidered.
        var wrong = new List<string>();
        var threw = new List<string>();
        foreach (var vector in SignatureVectors.All.Where(v => v.TryGetProperty("url", out _)))
        {
            var id = vector.GetProperty("id").GetString()!;
            var validator = new global::Twilio.Security.RequestValidator(vector.GetProperty("auth_token").GetString()!);
            var url = vector.GetProperty("url").GetString()!;
            var signature = vector.GetProperty("signature").GetString()!;
            try
            {
                bool valid;
                if (vector.GetProperty("kind").GetString() == "json_body")
                {
                    valid = validator.Validate(url, vector.GetProperty("body").GetString()!, signature);
                }
                else
                {
                    // NameValueCollection, the SDK's only form type that can hold a repeated name.
                    var form = new NameValueCollection();
                    foreach (var (key, value) in SignatureVectors.Params(vector))
                    {
                        form.Add(key, value);
                    }

                    valid = validator.Validate(url, form, signature);
                }

                if (valid != vector.GetProperty("expected_valid").GetBoolean())
                {
                    wrong.Add(id);
                }
            }
            catch (ArgumentException)
            {
                threw.Add(id);
            }
        }

        Assert.Equal(
            [
                "derived-noport-target-443",            // a signature over the URL with :443 added, checked without it
                "derived-quote-escaped-target-raw",     // an apostrophe in the query, raw on one side and %27 on the other
                "derived-quote-raw-target-escaped",
                "duplicate-values",                     // a repeated parameter name
                "node-array-param",
                "node-array-param-reordered",
                "node-special-chars-in-query",
            ],
            wrong.Order(StringComparer.Ordinal));
        Assert.Equal(["neg-empty-sig"], threw);
    }

    [GeneratedRegex(@"\bTwilioClient\s*\.")]
    private static partial Regex StaticClientUse();
}
