namespace Buddy.Gateway.Hosting;

/// <summary>
/// Endpoint metadata for the rare page that cannot live under Buddy's strict policy (a third-party page with an
/// inline script): <see cref="SecurityHeadersMiddleware"/> sends this policy for that endpoint instead, built per
/// request so it can carry that response's nonce. Every other header stays the same.
/// </summary>
internal sealed record OwnContentSecurityPolicy(Func<HttpContext, string> For);
