namespace QualityWatch.Incidents;

/// <summary>A silence set, or why it was refused: an error code (<c>invalid_stream</c>, ...) and a message naming the field.</summary>
internal sealed record SilenceResult(Silence? Silence, string? Code, string? Message)
{
    public static SilenceResult Refused(string code, string message) => new(null, code, message);
}
