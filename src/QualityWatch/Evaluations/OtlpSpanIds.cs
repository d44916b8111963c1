namespace QualityWatch.Evaluations;

/// <summary>The trace and span ids inside an OTLP-ingested interaction id (<c>{trace_id}:{span_id}</c>, lowercase hex).</summary>
internal static class OtlpSpanIds
{
    /// <summary>The ids, or null for an id that did not come in over OTLP (or names the all-zero, invalid span).</summary>
    public static (string TraceId, string SpanId)? Of(string interactionId) =>
        interactionId.Length == 49 && interactionId[32] == ':'
            && IsHex(interactionId.AsSpan(0, 32)) && IsHex(interactionId.AsSpan(33))
            && interactionId.AsSpan(0, 32).ContainsAnyExcept('0') && interactionId.AsSpan(33).ContainsAnyExcept('0')
            ? (interactionId[..32], interactionId[33..])
            : null;

    private static bool IsHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
