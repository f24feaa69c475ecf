using Buddy.Domain.Sms;
using Buddy.Gateway.Hosting;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// Sends through Twilio's Messages resource with the official SDK (<see cref="MessageResource.CreateAsync(CreateMessageOptions, ITwilioRestClient)"/>),
/// over the gateway's own HTTP client (see <see cref="TwilioClients"/>). Short hiccups (a 5xx, a connection that
/// never opened, a 429 asking for a few seconds) are retried here with bounded exponential backoff and jitter;
/// anything longer goes back to the outbox as <see cref="SendOutcome.RetryLater"/> so no request is held for minutes.
/// </summary>
internal sealed class TwilioSmsSender : ISmsSender
{
    /// <summary>A Retry-After up to this long is waited out in the call; a longer one is left to the outbox.</summary>
    internal static readonly TimeSpan MaxInCallWait = TimeSpan.FromSeconds(5);

    private readonly TwilioClients _clients;
    private readonly TwilioSettings _settings;
    private readonly ILogger<TwilioSmsSender> _logger;
    private readonly TimeProvider _clock;
    private readonly ResiliencePipeline<SendOutcome> _pipeline;

    public TwilioSmsSender(TwilioClients clients, ILogger<TwilioSmsSender> logger, TimeProvider clock)
    {
        _clients = clients;
        _settings = clients.Settings;
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
                    { Exception: ApiConnectionException ex } => !MayHaveReachedTwilio(ex),
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
            .AddTimeout(_settings.RequestTimeout)
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
            return TimedOut();
        }
        catch (ApiConnectionException ex) when (ex.InnerException is TaskCanceledException or TimeoutException)
        {
            return TimedOut(); // the HTTP client's own timeout, one attempt long
        }
        catch (ApiConnectionException ex)
        {
            return new SendOutcome.RetryLater(null, "network", $"Twilio could not be reached: {Redact.PhoneNumbersIn((ex.InnerException ?? ex).Message)}", MayHaveReachedTwilio(ex));
        }
    }

    /// <summary>
    /// Asks Twilio's Messages list (filtered by To and From, the filters its OpenAPI description documents) for texts
    /// with this body created since <paramref name="sinceUtc"/>. Texts Twilio has sent carry a <c>date_sent</c> and
    /// are found through the <c>DateSent&gt;</c> filter, page after page; a text it took but still holds queued has
    /// none, so the newest page without that filter is read too. The Messages resource takes no idempotency key, so
    /// this lookup is how a retry avoids a second text.
    /// </summary>
    public async Task<SentLookup> FindSentAsync(SmsRequest request, DateTime sinceUtc, CancellationToken cancellationToken)
    {
        var client = _clients.Create();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_settings.RequestTimeout * MaxLookupPages);
            var sent = await TwilioMessageLog.ReadAsync(client, Filter(request, sinceUtc, LookupPageSize), sinceUtc, MaxLookupPages, timeout.Token);
            if (!sent.Complete)
            {
                return new SentLookup.Unavailable(null, "too-many", $"Twilio listed more than {MaxLookupPages} pages of texts to this number; not guessing.");
            }

            var newest = await TwilioMessageLog.ReadAsync(client, Filter(request, null, NewestPageSize), sinceUtc, 1, timeout.Token);
            var found = sent.Messages.Concat(newest.Messages)
                .Where(m => m.Body == request.Body && m.To == request.To && m.Sid is { Length: > 0 } && TwilioMessageLog.CreatedUtc(m) >= sinceUtc)
                .DistinctBy(m => m.Sid)
                .Select(m => new SentText(m.Sid, TwilioStatus.Parse(m.Status?.ToString()) ?? OutboundStatus.Queued, TwilioMessageLog.CreatedUtc(m)!.Value))
                .OrderBy(t => t.AcceptedAtUtc);
            return new SentLookup.Answered([.. found]);
        }
        catch (TwilioException ex) when (ex is not ApiConnectionException)
        {
            var error = TwilioError.From(ex, client.HttpClient.LastResponse, _clock);
            return new SentLookup.Unavailable(error.RetryAfter, error.CodeText, error.Describe());
        }
        catch (Exception ex) when (ex is ApiConnectionException or OperationCanceledException or Newtonsoft.Json.JsonException && !cancellationToken.IsCancellationRequested)
        {
            return new SentLookup.Unavailable(null, ex is OperationCanceledException || ex.InnerException is TaskCanceledException ? "timeout" : "network",
                $"Twilio's message list could not be read: {Redact.PhoneNumbersIn((ex.InnerException ?? ex).Message)}");
        }
    }

    private ReadMessageOptions Filter(SmsRequest request, DateTime? sentAfterUtc, int pageSize) => new()
    {
        PathAccountSid = _settings.AccountSid,
        To = new global::Twilio.Types.PhoneNumber(request.To),
        From = _settings.From is { } from ? new global::Twilio.Types.PhoneNumber(from) : null,
        DateSentAfter = sentAfterUtc,
        PageSize = pageSize,
    };

    private async Task<SendOutcome> SendOnceAsync(SmsRequest request, CancellationToken cancellationToken)
    {
        var client = _clients.Create();
        try
        {
            // The SDK takes no cancellation token: the HTTP client's timeout ends the request, this ends the wait.
            var created = await MessageResource.CreateAsync(OptionsFor(request), client).WaitAsync(cancellationToken);
            return Accepted(created);
        }
        catch (TwilioException ex) when (ex is not ApiConnectionException)
        {
            var error = TwilioError.From(ex, client.HttpClient.LastResponse, _clock);
            var outcome = Classify(error);
            _logger.LogWarning("Twilio refused a text to {To}: HTTP {Status}, error {Code} ({Outcome})",
                Redact.Phone(request.To), error.Status, error.CodeText, outcome.GetType().Name);
            return outcome;
        }
    }

    private CreateMessageOptions OptionsFor(SmsRequest request)
    {
        var options = new CreateMessageOptions(new global::Twilio.Types.PhoneNumber(request.To))
        {
            PathAccountSid = _settings.AccountSid,
            Body = request.Body,
            StatusCallback = request.StatusCallbackUrl,
        };

        // A messaging service picks the best number from its pool; a single number is used as it is.
        if (_settings.MessagingServiceSid is { } service)
        {
            options.MessagingServiceSid = service;
        }
        else
        {
            options.From = new global::Twilio.Types.PhoneNumber(_settings.From!);
        }

        return options;
    }

    private static SendOutcome Accepted(MessageResource created)
    {
        if (created?.Sid is not { Length: > 0 } sid)
        {
            // Twilio said yes but we cannot tell which message it made; retrying might send twice, so stop here.
            return new SendOutcome.PermanentFailure("no-sid", "Twilio accepted the text but its answer had no message sid.");
        }

        return new SendOutcome.Accepted(sid, TwilioStatus.Parse(created.Status?.ToString()) ?? OutboundStatus.Queued);
    }

    private static SendOutcome Classify(TwilioError error)
    {
        var code = error.CodeText;
        if (error.Status == StatusCodes.Status429TooManyRequests || code == TwilioErrorCodes.TooManyRequests)
        {
            return new SendOutcome.RetryLater(error.RetryAfter, code, error.Describe());
        }

        if (code == TwilioErrorCodes.Unsubscribed)
        {
            return new SendOutcome.RecipientUnsubscribed(code, error.Describe());
        }

        // Server trouble, and refused credentials (a configuration slip an operator can fix), are worth waiting for.
        if (error.Status >= 500 || error.Status is StatusCodes.Status401Unauthorized or StatusCodes.Status408RequestTimeout)
        {
            return new SendOutcome.RetryLater(error.RetryAfter, code, error.Describe());
        }

        return new SendOutcome.PermanentFailure(code, error.Describe());
    }

    private SendOutcome.RetryLater TimedOut() =>
        new(null, "timeout", $"Twilio did not answer within {_settings.RequestTimeout.TotalSeconds:0.#} s.", MayHaveBeenSent: true);

    /// <summary>The SDK wraps every transport failure; only one whose connection never opened cannot have reached Twilio.</summary>
    private static bool MayHaveReachedTwilio(ApiConnectionException ex) =>
        ex.InnerException is not HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError };

    private static string Reason(Outcome<SendOutcome> outcome) =>
        outcome.Exception is { } ex ? (ex.InnerException ?? ex).GetType().Name
        : outcome.Result is SendOutcome.RetryLater retry ? retry.Code
        : "unknown";

    private const int MaxLookupPages = 10;
    private const int LookupPageSize = 100;

    // Texts still queued at Twilio are its newest to this number: one page of them is plenty.
    private const int NewestPageSize = 50;
}
