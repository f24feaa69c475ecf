using System.Text.Json;
using Buddy.Gateway.Sms.Twilio;

namespace Buddy.Tests.Sms.Twilio;

/// <summary>
/// Every vector in Twilio's published examples (shared/twilio/signature-vectors.json, read here as it is), plus
/// changes to a parameter, the URL and the token that must each break a valid signature.
/// </summary>
public sealed class TwilioSignatureTests
{
    public static TheoryData<string> VectorIds() => [.. SignatureVectors.All.Select(v => v.GetProperty("id").GetString()!)];

    [Theory, MemberData(nameof(VectorIds))]
    public void IsValid_ForPublishedVector_ReturnsExpectedResult(string id)
    {
        var vector = SignatureVectors.All.Single(v => v.GetProperty("id").GetString() == id);
        var token = vector.GetProperty("auth_token").GetString()!;
        var expected = vector.GetProperty("expected_valid").GetBoolean();
        var signature = vector.TryGetProperty("signature", out var s) ? s.GetString() : null;

        bool actual;
        if (vector.GetProperty("kind").GetString() == "json_body")
        {
            var body = vector.GetProperty("body").GetString()!;
            actual = vector.TryGetProperty("url", out var url)
                ? TwilioSignature.IsValidJsonBody(token, url.GetString()!, body, signature)
                : TwilioSignature.BodyHashMatches(body, vector.GetProperty("body_sha256_hex").GetString()!);
        }
        else
        {
            actual = TwilioSignature.IsValid(token, vector.GetProperty("url").GetString()!, SignatureVectors.Params(vector), signature);
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Vectors_AreAllRead()
    {
        // Guards against a file that silently stops matching the reader above.
        Assert.True(SignatureVectors.All.Count >= 40, $"Only {SignatureVectors.All.Count} vectors were read.");
    }

    [Fact]
    public void Compute_ForSignedUrlOfEveryFormVector_ReproducesTheSignature()
    {
        foreach (var vector in SignatureVectors.All.Where(v => v.GetProperty("kind").GetString() == "form" && v.GetProperty("expected_valid").GetBoolean()))
        {
            var computed = TwilioSignature.Compute(
                vector.GetProperty("auth_token").GetString()!, vector.GetProperty("signed_url").GetString()!, SignatureVectors.Params(vector));
            Assert.Equal(vector.GetProperty("signature").GetString(), computed);
        }
    }

    [Fact]
    public void IsValid_WhenAParameterValueChanges_ReturnsFalse()
    {
        var (token, url, parameters, signature) = Base();
        var changed = parameters.Select(p => p.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "1235") : p);

        Assert.True(TwilioSignature.IsValid(token, url, parameters, signature));
        Assert.False(TwilioSignature.IsValid(token, url, changed, signature));
    }

    [Fact]
    public void IsValid_WhenAParameterIsAddedOrRemoved_ReturnsFalse()
    {
        var (token, url, parameters, signature) = Base();

        Assert.False(TwilioSignature.IsValid(token, url, parameters.Append(new("Body", "STOP")), signature));
        Assert.False(TwilioSignature.IsValid(token, url, parameters.Skip(1), signature));
    }

    [Theory]
    [InlineData("https://mycompany.com/myapp.php?foo=1&bar=3")]
    [InlineData("https://mycompany.com/myapp2.php?foo=1&bar=2")]
    [InlineData("https://evil.example/myapp.php?foo=1&bar=2")]
    [InlineData("http://mycompany.com/myapp.php?foo=1&bar=2")]
    [InlineData("https://mycompany.com:8443/myapp.php?foo=1&bar=2x")]
    public void IsValid_WhenTheUrlChanges_ReturnsFalse(string url)
    {
        var (token, _, parameters, signature) = Base();

        Assert.False(TwilioSignature.IsValid(token, url, parameters, signature));
    }

    [Theory]
    [InlineData("12346")]
    [InlineData("")]
    public void IsValid_WhenTheTokenChanges_ReturnsFalse(string token)
    {
        var (_, url, parameters, signature) = Base();

        Assert.False(TwilioSignature.IsValid(token, url, parameters, signature));
    }

    [Fact]
    public void IsValid_WhenParametersArriveInAnyOrder_ReturnsTrue()
    {
        var (token, url, parameters, signature) = Base();

        Assert.True(TwilioSignature.IsValid(token, url, parameters.AsEnumerable().Reverse(), signature));
    }

    private static (string Token, string Url, List<KeyValuePair<string, string>> Parameters, string Signature) Base()
    {
        var vector = SignatureVectors.All.Single(v => v.GetProperty("id").GetString() == "base");
        return (vector.GetProperty("auth_token").GetString()!, vector.GetProperty("url").GetString()!,
            SignatureVectors.Params(vector), vector.GetProperty("signature").GetString()!);
    }
}
