using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace QualityWatch.Notifications.Email;

/// <summary>Accepts a server certificate the system trusts, or the one whose SHA-256 fingerprint is configured.</summary>
internal static class CertificatePin
{
    /// <summary>The fingerprint as 64 upper-case hex digits, or null when it is not one.</summary>
    public static string? Normalize(string fingerprint)
    {
        var hex = fingerprint.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return hex.Length == 64 && hex.All(Uri.IsHexDigit) ? hex : null;
    }

    public static RemoteCertificateValidationCallback Callback(string fingerprint)
    {
        var pinned = Normalize(fingerprint);
        return (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || (certificate is not null && pinned is not null
                && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase));
    }
}
