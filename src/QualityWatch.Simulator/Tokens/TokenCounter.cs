using System.Text;

namespace QualityWatch.Simulator.Tokens;

/// <summary>
/// The simulator's tokenizer: one token per started 4 bytes of UTF-8, per text part.
/// Deterministic and cheap, so tests can compute expected counts by hand; it is not a model's tokenizer.
/// </summary>
public static class TokenCounter
{
    public const int BytesPerToken = 4;

    /// <summary>Tokens of one text part: ceil(UTF-8 bytes / 4).</summary>
    public static int Count(string text) =>
        (Encoding.UTF8.GetByteCount(text) + BytesPerToken - 1) / BytesPerToken;

    /// <summary>Tokens of several parts, each rounded up on its own as a model counts parts separately.</summary>
    public static int Count(IEnumerable<string> parts) => parts.Sum(Count);

    /// <summary>Whole tokens inside a prefix: floor(UTF-8 bytes / 4), so a cached prefix never exceeds the prompt.</summary>
    public static int CountWhole(ReadOnlySpan<char> prefix) => Encoding.UTF8.GetByteCount(prefix) / BytesPerToken;
}
