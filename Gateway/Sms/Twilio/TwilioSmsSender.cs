using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Buddy.Domain.Sms;
using Buddy.Gateway.Hosting;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// Sends through Twilio's Messages resource (<c>POST /2010-04-01/Accounts/{AccountSid}/Messages.json</c>), written
/// against Twilio's OpenAPI description. Short hiccups (a 5xx, a timeout, a 429 asking for a few seconds) are
/// retried here with bounded exponential backoff and jitter; anything longer goes back to the outbox as
/// <see cref="SendOutcome.RetryLater"/> so no request is held for minutes.
/// </summary>
internal sealed class TwilioSmsSender : ISmsSender
{
    public const string HttpClientName = "twilio";

    /// <summary>A Retry-After up to this long is waited out in the call; a longer one is left to the outbox.</summary>
    internal static readonly TimeSpan MaxInCallWait = TimeSpan.FromSeconds(5);

    private readonly HttpClient _http;
    private readonly TwilioSettings _settings;
    private readonly ILogger<TwilioSmsSender> _logger;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<SendOutcome> _pipeline;

    public TwilioSmsSender(IHttpClientFactory httpClients, TwilioSettings settings, ILogger<TwilioSmsSender> logger, TimeProvider clock)
    {
        _http = httpClients.CreateClient(HttpClientName);
        _settings = settings;
        _logger = logger;
        _clock = clock;
        _pipeline = new ResiliencePipelineBuilder<SendOutcome> { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions<SendOutcome>
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(500),
                MaxDelay = MaxInCallWait,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    // Only a connection that never opened is safe to repeat at once; a timeout or a dropped answer may
                    // hide a text Twilio took, so it goes back to the outbox, which asks Twilio before sending again.
                    { Exception: HttpRequestException ex } => !MayHaveReachedTwilio(ex),
                    { Result: SendOutcome.RetryLater { RetryAfter: var after } } => after is null || after <= MaxInCallWait,
                    _ => false,
                }),

                // Twilio's Retry-After wins over our own schedule when it gave one.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is SendOutcome.RetryLater { RetryAfter: { } after } ? after : (TimeSpan?)null),
                OnRetry = args =>
                {
                    _logger.LogWarning("Twilio send attempt {Attempt} did not go through ({Reason}); retrying in {Delay}",
                        args.AttemptNumber + 1, Reason(args.Outcome), args.RetryDelay);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.RequestTimeout)
            .Build();
    }

    public string SenderId => _settings.SenderId;

    public async Task<SendOutcome> SendAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await _pipeline.ExecuteAsync(async token => await SendOnceAsync(request, token), cancellationToken);
        }
        catch (TimeoutRejectedException)
        {
            return new SendOutcome.RetryLater(null, "timeout", $"Twilio did not answer within {_settings.RequestTimeout.TotalSeconds:0.#} s.", MayHaveBeenSent: true);
        }
        catch (HttpRequestException ex)
        {
            return new SendOutcome.RetryLater(null, "network", $"Twilio could not be reached: {Redact.PhoneNumbersIn(ex.Message)}", MayHaveReachedTwilio(ex));
        }
    }

    /// <summary>
    /// Asks Twilio's Messages list (<c>GET .../Messages.json</c> filtered by To and From, the filters its OpenAPI
    /// description documents) for texts with this body created since <paramref name="sinceUtc"/>. Texts Twilio has
    /// sent carry a <c>date_sent</c> and are found through the <c>DateSent&gt;=</c> filter, page after page; a text it
    /// took but still holds queued has none, so the newest page without that filter is read too. The Messages
    /// resource takes no idempotency key, so this lookup is how a retry avoids a second text.
    /// </summary>
    public async Task<SentLookup> FindSentAsync(SmsRequest request, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var filter = $"To={Uri.EscapeDataString(request.To)}" + (_settings.From is { } from ? $"&From={Uri.EscapeDataString(from)}" : "");
        var found = new Dictionary<string, SentText>();
        var sent = await ReadListAsync(request, sinceUtc, $"{filter}&{Uri.EscapeDataString("DateSent>")}={sinceUtc:yyyy-MM-dd}&PageSize=100", MaxLookupPages, found, cancellationToken);
        var newest = sent ?? await ReadListAsync(request, sinceUtc, $"{filter}&PageSize={NewestPageSize}", 1, found, cancellationToken);
        return (SentLookup?)newest ?? new SentLookup.Answered([.. found.Values.OrderBy(t => t.AcceptedAtUtc)]);
    }

    /// <summary>Adds the matching texts on up to <paramref name="pages"/> pages to <paramref name="found"/>; answers only when Twilio could not be asked.</summary>
    private async Task<SentLookup.Unavailable?> ReadListAsync(
        SmsRequest request, DateTime sinceUtc, string query, int pages, Dictionary<string, SentText> found, CancellationToken cancellationToken)
    {
        var next = new Uri(_settings.BaseUrl, $"/2010-04-01/Accounts/{_settings.AccountSid}/Messages.json?{query}");
        try
        {
            for (var page = 0; page < pages; page++)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_settings.RequestTimeout);
                using var message = new HttpRequestMessage(HttpMethod.Get, next);
                Authorize(message);
                using var response = await _http.SendAsync(message, timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                if (!response.IsSuccessStatusCode)
                {
                    var error = TwilioError.Parse(body, (int)response.StatusCode);
                    return new SentLookup.Unavailable(RetryAfter(response), error.CodeText, error.Describe());
                }

                var list = JsonSerializer.Deserialize<MessageList>(body);
                foreach (var text in (list?.Messages ?? [])
                    .Where(m => m.Body == request.Body && m.To == request.To && m.Sid is { Length: > 0 })
                    .Select(m => new SentText(m.Sid!, TwilioStatus.Parse(m.Status) ?? OutboundStatus.Queued, ParseDate(m.DateCreated)))
                    .Where(t => t.AcceptedAtUtc >= sinceUtc))
                {
                    found[text.ProviderMessageId] = text;
                }

                if (list?.NextPageUri is not { Length: > 0 } nextPage)
                {
                    return null;
                }

                next = new Uri(_settings.BaseUrl, nextPage);
            }

            // The newest page alone is enough for a text still queued; the sent ones must all have been seen.
            return pages == 1 ? null
                : new SentLookup.Unavailable(null, "too-many", $"Twilio listed more than {MaxLookupPages} pages of texts to this number; not guessing.");
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
        {
            return new SentLookup.Unavailable(null, ex is OperationCanceledException ? "timeout" : "network", $"Twilio's message list could not be read: {Redact.PhoneNumbersIn(ex.Message)}");
        }
    }

    private async Task<SendOutcome> SendOnceAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_settings.BaseUrl, $"/2010-04-01/Accounts/{_settings.AccountSid}/Messages.json"))
        {
            Content = new FormUrlEncodedContent(FormFor(request)),
        };
        Authorize(message);

        using var response = await _http.SendAsync(message, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return Accepted(body);
        }

        var error = TwilioError.Parse(body, (int)response.StatusCode);
        var outcome = Classify(response, error);
        _logger.LogWarning("Twilio refused a text to {To}: HTTP {Status}, error {Code} ({Outcome})",
            Redact.Phone(request.To), (int)response.StatusCode, error.CodeText, outcome.GetType().Name);
        return outcome;
    }

    private void Authorize(HttpRequestMessage message)
    {
        message.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_settings.AccountSid}:{_settings.AuthToken}")));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }

    private static bool MayHaveReachedTwilio(HttpRequestException ex) =>
        ex.HttpRequestError is not (HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError);

    /// <summary>Twilio writes dates as RFC 2822 ("Wed, 25 Nov 2026 19:00:00 +0000"); unreadable counts as "just now".</summary>
    private DateTime ParseDate(string? text) =>
        DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date)
            ? date.UtcDateTime
            : _clock.GetUtcNow().UtcDateTime;

    private List<KeyValuePair<string, string>> FormFor(SmsRequest request)
    {
        var form = new List<KeyValuePair<string, string>> { new("To", request.To), new("Body", request.Body) };

        // A messaging service picks the best number from its pool; a single number is used as it is.
        form.Add(_settings.MessagingServiceSid is { } service ? new("MessagingServiceSid", service) : new("From", _settings.From!));
        if (request.StatusCallbackUrl is { } callback)
        {
            form.Add(new("StatusCallback", callback.AbsoluteUri));
        }

        return form;
    }

    private static SendOutcome Accepted(string body)
    {
        var created = JsonSerializer.Deserialize<CreatedMessage>(body);
        if (created?.Sid is not { Length: > 0 } sid)
        {
            // Twilio said yes but we cannot tell which message it made; retrying might send twice, so stop here.
            return new SendOutcome.PermanentFailure("no-sid", "Twilio accepted the text but its answer had no message sid.");
        }

        return new SendOutcome.Accepted(sid, TwilioStatus.Parse(created.Status) ?? OutboundStatus.Queued);
    }

    private SendOutcome Classify(HttpResponseMessage response, TwilioError error)
    {
        var code = error.CodeText;
        if (response.StatusCode == HttpStatusCode.TooManyRequests || code == TwilioErrorCodes.TooManyRequests)
        {
            return new SendOutcome.RetryLater(RetryAfter(response), code, error.Describe());
        }

        if (code == TwilioErrorCodes.Unsubscribed)
        {
            return new SendOutcome.RecipientUnsubscribed(code, error.Describe());
        }

        // Server trouble, and refused credentials (a configuration slip an operator can fix), are worth waiting for.
        if ((int)response.StatusCode >= 500 || response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.RequestTimeout)
        {
            return new SendOutcome.RetryLater(RetryAfter(response), code, error.Describe());
        }

        return new SendOutcome.PermanentFailure(code, error.Describe());
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _clock.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static string Reason(Outcome<SendOutcome> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name
        : outcome.Result is SendOutcome.RetryLater retry ? retry.Code
        : "unknown";

    private const int MaxLookupPages = 10;

    // Texts still queued at Twilio are its newest to this number: one page of them is plenty.
    private const int NewestPageSize = 50;

    private sealed record MessageList(
        [property: JsonPropertyName("messages")] IReadOnlyList<ListedMessage>? Messages,
        [property: JsonPropertyName("next_page_uri")] string? NextPageUri);

    private sealed record ListedMessage(
        [property: JsonPropertyName("sid")] string? Sid,
        [property: JsonPropertyName("to")] string? To,
        [property: JsonPropertyName("body")] string? Body,
        [property: JsonPropertyName("status")] string? Status,
        [property: JsonPropertyName("date_created")] string? DateCreated);

    private sealed record CreatedMessage([property: JsonPropertyName("sid")] string? Sid, [property: JsonPropertyName("status")] string? Status);
}
