using System.Security.Cryptography;
using QualityWatch.Api;

namespace QualityWatch.WebConsole;

/// <summary>
/// A fingerprint of a configured key, kept in the session cookie instead of the key: it proves which key
/// opened the session without being usable as one (a hash of the stored hash, cut to 64 bits).
/// </summary>
internal static class KeyStamp
{
    public static string Of(ApiKey key) => Convert.ToHexString(SHA256.HashData(key.Hash), 0, 8);
}
