using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using QualityWatch.Signing;

namespace QualityWatch.Backfill.Batch.Webhooks;

/// <summary>
/// Verifies a Standard Webhooks delivery: <c>webhook-timestamp</c> within the tolerance either way,
/// and at least one <c>v1,</c> entry of the space-separated <c>webhook-signature</c> equal, compared
/// in constant time, to the HMAC <see cref="WebhookSigner"/> computes over <c>id.timestamp.body</c>.
/// </summary>
internal sealed class StandardWebhookVerifier(IOptions<GeminiWebhookOptions> options, TimeProvider time)
{
    private readonly byte[] key = WebhookSigner.KeyOf(options.Value.Secret ?? "") ?? [];

    public WebhookCheck Verify(string? id, string? timestamp, string? signatures, string body)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 256 || string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signatures))
        {
            return WebhookCheck.MissingHeaders;
        }

        // Unix seconds; a stale or future timestamp is refused before any HMAC work, and bounds how long an id must be remembered.
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds) > options.Value.Tolerance.TotalSeconds)
        {
            return WebhookCheck.BadTimestamp;
        }

        var expected = Encoding.ASCII.GetBytes(WebhookSigner.Sign(key, id, seconds, body));
        var match = false;
        foreach (var candidate in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Check every entry without stopping early, so timing says nothing about which one matched.
            match |= CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(candidate));
        }

        return match ? WebhookCheck.Valid : WebhookCheck.BadSignature;
    }
}
