using Twilio.Base;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using HttpMethod = Twilio.Http.HttpMethod;
using TwilioDomain = Twilio.Rest.Domain;

namespace Buddy.Gateway.Sms.Twilio;

/// <summary>
/// Reads Twilio's Messages list (<c>GET /2010-04-01/Accounts/{AccountSid}/Messages.json</c>) through the SDK's
/// options, request and page types, page after page, asynchronously: the SDK's own <c>ResourceSet</c> fetches every
/// page after the first synchronously, blocking a thread for each. Twilio lists newest first.
/// </summary>
internal static class TwilioMessageLog
{
    /// <summary>
    /// The messages on up to <paramref name="maxPages"/> pages, newest first, stopping at the first page that reaches
    /// back before <paramref name="notBeforeUtc"/> (creation time), so a filter Twilio applies by day only costs no
    /// more than a page. <see cref="ListedMessages.Complete"/> is false when pages remained.
    /// </summary>
    public static async Task<ListedMessages> ReadAsync(
        ITwilioRestClient client, ReadMessageOptions options, DateTime notBeforeUtc, int maxPages, CancellationToken cancellationToken)
    {
        var path = $"/2010-04-01/Accounts/{options.PathAccountSid ?? client.AccountSid}/Messages.json";
        var request = new Request(HttpMethod.Get, TwilioDomain.Api, path, queryParams: options.GetParams());
        var messages = new List<MessageResource>();
        for (var read = 0; read < maxPages; read++)
        {
            var response = await client.RequestAsync(request).WaitAsync(cancellationToken);
            var page = Page<MessageResource>.FromJson("messages", response.Content);
            messages.AddRange(page.Records);
            if (!page.HasNextPage() || page.Records.Any(m => CreatedUtc(m) < notBeforeUtc))
            {
                return new ListedMessages(messages, Complete: true);
            }

            request = new Request(HttpMethod.Get, page.GetNextPageUrl(TwilioDomain.Api));
        }

        return new ListedMessages(messages, Complete: false);
    }

    /// <summary>When Twilio created the message, as UTC; the SDK leaves the kind of its dates to the JSON reader.</summary>
    public static DateTime? CreatedUtc(MessageResource message) => Utc(message.DateCreated);

    /// <summary>When Twilio sent (outbound) or received (inbound) it, else when it created it.</summary>
    public static DateTime? SentOrCreatedUtc(MessageResource message) => Utc(message.DateSent) ?? Utc(message.DateCreated);

    private static DateTime? Utc(DateTime? date) => date switch
    {
        null => null,
        { Kind: DateTimeKind.Utc } utc => utc,
        { Kind: DateTimeKind.Local } local => local.ToUniversalTime(),
        { } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
    };
}

/// <summary>Messages read from Twilio's list, newest first; <paramref name="Complete"/> when nothing was left unread.</summary>
internal sealed record ListedMessages(IReadOnlyList<MessageResource> Messages, bool Complete);
