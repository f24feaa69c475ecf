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
                    { Exception: TimeoutRejectedException or HttpRequestException } => true,
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
            return new SendOutcome.RetryLater(null, "timeout", $"Twilio did not answer within {_settings.RequestTimeout.TotalSeconds:0.#} s.");
        }
        catch (HttpRequestException ex)
        {
            return new SendOutcome.RetryLater(null, "network", $"Twilio could not be reached: {Redact.PhoneNumbersIn(ex.Message)}");
        }
    }

    private async Task<SendOutcome> SendOnceAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(_settings.BaseUrl, $"/2010-04-01/Accounts/{_settings.AccountSid}/Messages.json"))
        {
            Content = new FormUrlEncodedContent(FormFor(request)),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{_settings.AccountSid}:{_settings.AuthToken}")));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

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

    private sealed record CreatedMessage([property: JsonPropertyName("sid")] string? Sid, [property: JsonPropertyName("status")] string? Status);
}
