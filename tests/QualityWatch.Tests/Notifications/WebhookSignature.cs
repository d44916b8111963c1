using System.Security.Cryptography;
using System.Text;

namespace QualityWatch.Tests.Notifications;

/// <summary>Standard Webhooks verification written from the spec, independent of the service's signer.</summary>
internal static class WebhookSignature
{
    public static bool Verify(string secret, string id, string timestamp, string body, string signatureHeader)
    {
        var key = secret.StartsWith("whsec_", StringComparison.Ordinal) ? Convert.FromBase64String(secret[6..]) : Encoding.UTF8.GetBytes(secret);
        using var hmac = new HMACSHA256(key);
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));

        // The header may carry several space-separated signatures; any v1 match is valid.
        return signatureHeader.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal) && s[3..] == expected);
    }
}
