using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Buddy.Gateway.Data;
using Buddy.Gateway.Sms.Twilio;
using Buddy.Tests.Sms;
using Buddy.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Buddy.Tests.Faults;

/// <summary>
/// Oversized, malformed and unsigned bodies on the Twilio webhooks: each is refused with a status Twilio and an
/// operator can act on and a reason in words, and nothing at all is stored.
/// </summary>
public sealed class MalformedWebhookTests
{
    private const string Inbound = "/sms/inbound";

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenTheBodyIsOverTheLimit_Answers413AndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var gateway = new SmsGateway(database);
        var phone = SmsTestData.NewPhone();

        // Declared too long, and streamed without a length (the limit applies as it is read).
        using var declared = await gateway.PostSignedAsync(Inbound, SmsGateway.InboundForm(phone, new string('x', 40_000)));
        using var streamed = await PostRawAsync(gateway, "application/x-www-form-urlencoded",
            Encoding.ASCII.GetBytes($"MessageSid={SmsGateway.NewSid()}&From={Uri.EscapeDataString(phone)}&Body={new string('x', 40_000)}"), chunked: true);

        foreach (var response in new[] { declared, streamed })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            Assert.Contains("larger than", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        await AssertNothingStoredAsync(database);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenTheFormIsMalformedOrIncomplete_Answers400Or415WithTheReasonAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var gateway = new SmsGateway(database);
        var phone = SmsTestData.NewPhone();
        var sid = SmsGateway.NewSid();
        var form = "application/x-www-form-urlencoded";
        var cases = new (string What, string ContentType, byte[] Body, HttpStatusCode Expected, string Reason)[]
        {
            ("no MessageSid", form, Encoding.ASCII.GetBytes($"From={Uri.EscapeDataString(phone)}&Body=hi"), HttpStatusCode.BadRequest, "MessageSid"),
            ("no From", form, Encoding.ASCII.GetBytes($"MessageSid={sid}&Body=hi"), HttpStatusCode.BadRequest, "From"),
            ("blank From", form, Encoding.ASCII.GetBytes($"MessageSid={sid}&From=+&Body=hi"), HttpStatusCode.BadRequest, "From"),
            ("no Body", form, Encoding.ASCII.GetBytes($"MessageSid={sid}&From={Uri.EscapeDataString(phone)}"), HttpStatusCode.BadRequest, "Body"),
            ("invalid UTF-8", form, Encoding.ASCII.GetBytes($"MessageSid={sid}&From={Uri.EscapeDataString(phone)}&Body=caf%C3%28%FF"), HttpStatusCode.BadRequest, "UTF-8"),
            ("a raw byte that is not UTF-8", form, [.. Encoding.ASCII.GetBytes($"MessageSid={sid}&From={Uri.EscapeDataString(phone)}&Body=caf"), 0xE9], HttpStatusCode.BadRequest, "UTF-8"),
            ("two MessageSids", form, Encoding.ASCII.GetBytes($"MessageSid={sid}&MessageSid={SmsGateway.NewSid()}&From={Uri.EscapeDataString(phone)}&Body=hi"), HttpStatusCode.BadRequest, "MessageSid is given 2 times"),
            ("two Bodies", form, Encoding.ASCII.GetBytes($"MessageSid={sid}&From={Uri.EscapeDataString(phone)}&Body=hi&Body=there"), HttpStatusCode.BadRequest, "Body is given 2 times"),
            ("a sid not shaped like Twilio's", form, Encoding.ASCII.GetBytes($"MessageSid=SM{new string('a', 4990)}&From={Uri.EscapeDataString(phone)}&Body=hi"), HttpStatusCode.BadRequest, "not a Twilio message sid"),
            ("a body longer than a text", form, Encoding.ASCII.GetBytes($"MessageSid={sid}&From={Uri.EscapeDataString(phone)}&Body={new string('x', 1601)}"), HttpStatusCode.BadRequest, "at most 1,600"),
            ("broken multipart", "multipart/form-data; boundary=abc", Encoding.ASCII.GetBytes("--abc\r\nContent-Disposition: form-data; name=\"Body\"\r\n\r\nhi"), HttpStatusCode.BadRequest, "not a valid form"),
            ("JSON", "application/json", Encoding.UTF8.GetBytes($$"""{"MessageSid":"{{sid}}","From":"{{phone}}","Body":"hi"}"""), HttpStatusCode.UnsupportedMediaType, "form"),
            ("no content type", "", Encoding.UTF8.GetBytes("hello"), HttpStatusCode.UnsupportedMediaType, "form"),
        };

        foreach (var (what, contentType, body, expected, reason) in cases)
        {
            using var response = await PostRawAsync(gateway, contentType, body);
            Assert.True(expected == response.StatusCode, $"{what}: expected {expected}, got {response.StatusCode}");
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(text.Contains(reason, StringComparison.Ordinal), $"{what}: the reason '{text}' should mention {reason}");
        }

        await AssertNothingStoredAsync(database);
    }

    [Theory, InlineData(DatabaseProvider.Sqlite), PostgresData]
    public async Task Post_WhenTheSignatureIsMissingWrongOrForAnotherBody_Answers403AndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var gateway = new SmsGateway(database);
        var form = SmsGateway.InboundForm(SmsTestData.NewPhone(), "6 good day");
        var tampered = form.Select(f => f.Key == "Body" ? new KeyValuePair<string, string>("Body", "STOP") : f).ToList();

        var responses = new[]
        {
            await PostRawAsync(gateway, "application/x-www-form-urlencoded", Encoding.ASCII.GetBytes(Encode(form)), sign: false),
            await gateway.PostSignedAsync(Inbound, form, signatureOverride: "bm90IGEgc2lnbmF0dXJl"),
            await gateway.PostSignedAsync(Inbound, form, signatureOverride: TwilioSignature.Compute("another-token", "http://localhost/sms/inbound", form)),
            await gateway.PostSignedAsync(Inbound, form, signedUrl: "http://localhost/sms/status"),
            await gateway.PostSignedAsync(Inbound, tampered, signatureOverride: TwilioSignature.Compute(SmsGateway.AuthToken, "http://localhost/sms/inbound", form)),
            await gateway.PostSignedAsync("/sms/status", [new("MessageSid", SmsGateway.NewSid()), new("MessageStatus", "delivered")], signatureOverride: "bm90IGEgc2lnbmF0dXJl"),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        await AssertNothingStoredAsync(database);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private static async Task<HttpResponseMessage> PostRawAsync(SmsGateway gateway, string contentType, byte[] body, bool sign = true, bool chunked = false)
    {
        HttpContent content = chunked ? new StreamContent(new MemoryStream(body)) : new ByteArrayContent(body);
        if (contentType.Length > 0)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, Inbound) { Content = content };
        if (chunked)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        if (sign)
        {
            // Signed over the parameters as the gateway will read them, so only the fault under test is wrong.
            var fields = QueryHelpers.ParseQuery(Encoding.ASCII.GetString(body))
                .SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? "")));
            request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Compute(SmsGateway.AuthToken, $"http://localhost{Inbound}", fields));
        }

        return await gateway.CreateClient().SendAsync(request);
    }

    private static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));

    private static async Task AssertNothingStoredAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        Assert.Equal(0, await db.InboundMessages.CountAsync());
        Assert.Equal(0, await db.OutboundMessages.CountAsync());
        Assert.Equal(0, await db.DiaryEntries.CountAsync());
    }
}
