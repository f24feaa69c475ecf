using System.Collections.Concurrent;

namespace Buddy.Gateway.ApiKeys;

/// <summary>
/// Hashes of the keys that have authenticated on this instance, so the rate limiter (which runs before
/// authentication, and must not query the database) can give a real key its own bucket while every unknown or
/// made-up key from one address shares that address's bucket: inventing keys buys no more requests, and no more
/// database lookups, than sending none. Only keys the database confirmed are added, so it holds at most one entry
/// per issued key; a key refused as unknown or revoked is dropped.
/// </summary>
public sealed class RecentApiKeys
{
    private readonly ConcurrentDictionary<string, byte> _hashes = new(StringComparer.Ordinal);

    public bool Contains(string hash) => _hashes.ContainsKey(hash);

    public void Remember(string hash) => _hashes.TryAdd(hash, 0);

    public void Forget(string hash) => _hashes.TryRemove(hash, out _);
}
