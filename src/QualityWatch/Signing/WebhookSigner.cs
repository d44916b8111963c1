using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace QualityWatch.Signing;

/// <summary>
/// Standard Webhooks signing, shared by the webhooks QualityWatch sends (notifications) and the ones it
/// verifies (batch completion), so neither feature depends on the other:
/// <c>v1,base64(HMAC-SHA256(key, "{id}.{timestamp}.{body}"))</c>.
/// </summary>
internal static class WebhookSigner
{
    public const string SecretPrefix = "whsec_";

    /// <summary>The HMAC key: the base64-decoded part of a <c>whsec_</c> secret, else the secret's UTF-8 bytes; null for bad base64.</summary>
    public static byte[]? KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            return Encoding.UTF8.GetBytes(secret);
        }

        try
        {
            return Convert.FromBase64String(secret[SecretPrefix.Length..]);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Sign(byte[] key, string id, long timestamp, string body)
    {
        var content = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }
}
