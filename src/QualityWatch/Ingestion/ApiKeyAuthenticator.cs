using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace QualityWatch.Ingestion;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c> against the configured keys in constant time.</summary>
internal sealed class ApiKeyAuthenticator
{
    private readonly byte[][] keyHashes;

    public ApiKeyAuthenticator(IOptions<IngestOptions> options)
    {
        // Comparing fixed-length hashes hides the keys' lengths as well as their content.
        keyHashes = [.. options.Value.ApiKeys.Select(k => SHA256.HashData(Encoding.UTF8.GetBytes(k)))];
    }

    public bool Enabled => keyHashes.Length > 0;

    public bool IsAuthorized(HttpRequest request)
    {
        if (!Enabled)
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        const string scheme = "Bearer ";
        if (!header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(header[scheme.Length..].Trim()));
        var match = false;
        foreach (var hash in keyHashes)
        {
            // No early exit: every key is compared whatever the outcome.
            match |= CryptographicOperations.FixedTimeEquals(presented, hash);
        }

        return match;
    }
}
