using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace QualityWatch.Redaction;

/// <summary>
/// Redacts the identifier fields (interaction id, <c>conversation_id</c>, <c>model</c>, <c>prompt_version</c>,
/// label names). A value without PII is kept as sent, so existing ids, their dedup and their lookups stay
/// as they were. A value with PII becomes its redacted text, <see cref="Separator"/> and a keyed hash of
/// the original: two ids that differ only in their PII stay two ids, and the same id sent twice is still
/// the same stored id, so it stays an idempotency key.
/// </summary>
/// <remarks>
/// The hash is written in the letters a–p (one per 4 bits) rather than hex, so no detector can find a
/// number in it: redacting a stored identifier again leaves it unchanged.
/// </remarks>
internal sealed class IdentifierRedactor(Redactor redactor, IdentifierKey key)
{
    public const char Separator = '~';

    private const int HashBytes = 8;

    [return: NotNullIfNotNull(nameof(value))]
    public string? Redact(string? value)
    {
        if (string.IsNullOrEmpty(value) || redactor.IsCertainlyClean(value))
        {
            return value;
        }

        var redacted = redactor.Redact(value, new RedactionCounts());
        return string.Equals(redacted, value, StringComparison.Ordinal) ? value : string.Concat(redacted, [Separator], Hash(value));
    }

    private string Hash(string value)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(key.Value, Encoding.UTF8.GetBytes(value), mac);
        return string.Create(HashBytes * 2, mac[..HashBytes].ToArray(), static (chars, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = (char)('a' + (bytes[i] >> 4));
                chars[(2 * i) + 1] = (char)('a' + (bytes[i] & 0xF));
            }
        });
    }
}
