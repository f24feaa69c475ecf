using AngleSharp;
using AngleSharp.Html.Dom;

namespace Buddy.Tests.Support;

/// <summary>
/// Reads pages with AngleSharp and submits their real forms, hidden fields (antiforgery token) included, the way
/// a browser would.
/// </summary>
public static class HtmlForms
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} returned {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        var document = await context.OpenAsync(r => r.Content(html).Address(response.RequestMessage!.RequestUri!));
        return (IHtmlDocument)document;
    }

    /// <summary>Posts <paramref name="form"/> with its current values overridden by <paramref name="values"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlFormElement form, IReadOnlyDictionary<string, string>? values = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button"):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        break;
                    }

                    fields.Add(new(input.Name!, input.Value));
                    break;
                case IHtmlTextAreaElement textArea when !string.IsNullOrEmpty(textArea.Name):
                    fields.Add(new(textArea.Name!, textArea.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name!, select.Value ?? ""));
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            Assert.True(fields.Any(f => f.Key == name), $"The form has no field named {name}");
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        var action = new Uri(new Uri(form.BaseUri), form.GetAttribute("action") ?? "");
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(action, content);
    }

    /// <summary>The form on the page whose submit button reads <paramref name="buttonText"/>.</summary>
    public static IHtmlFormElement FormWithButton(this IHtmlDocument document, string buttonText) =>
        document.Forms.FirstOrDefault(f => f.QuerySelectorAll("button").Any(b => b.TextContent.Trim() == buttonText))
        ?? throw new Xunit.Sdk.XunitException($"No form with a '{buttonText}' button on {document.Url}");
}
