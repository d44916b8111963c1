using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace QualityWatch.Api;

/// <summary>Every configured key, from <c>Auth:Keys</c> and the older <c>Ingest:ApiKeys</c>, matched in constant time.</summary>
internal sealed class ApiKeyRing
{
    /// <summary>What an <c>Ingest:ApiKeys</c> key could do before roles: send interactions and read every route.</summary>
    private static readonly string[] LegacyRoles = [ApiRoles.Ingest, ApiRoles.Read];

    private readonly ApiKey[] keys;

    public ApiKeyRing(IOptions<AuthOptions> auth, IOptions<LegacyKeyOptions> ingest)
    {
        // Comparing fixed-length hashes hides the keys' lengths as well as their content.
        keys =
        [
            .. auth.Value.Keys.Select(k => new ApiKey(k.Name, Hash(k.Key), [.. k.Roles])),
            .. ingest.Value.ApiKeys.Select((k, i) => new ApiKey($"Ingest:ApiKeys:{i}", Hash(k), LegacyRoles)),
        ];
        LegacyKeyCount = ingest.Value.ApiKeys.Count;
    }

    /// <summary>False when no key is configured: the API is then open (loopback only).</summary>
    public bool Enabled => keys.Length > 0;

    public int Count => keys.Length;

    public int LegacyKeyCount { get; }

    /// <summary>The key the caller presented, or null when it matches none.</summary>
    public ApiKey? Find(string presented)
    {
        var hash = Hash(presented);
        ApiKey? found = null;
        foreach (var key in keys)
        {
            // No early exit: every key is compared whatever the outcome.
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                found = key;
            }
        }

        return found;
    }

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
