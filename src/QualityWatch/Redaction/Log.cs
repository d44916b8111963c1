namespace QualityWatch.Redaction;

/// <summary>Redaction log events: ids 12000–12099. Paths and counts only, never the key or redacted text.</summary>
internal static partial class Log
{
    [LoggerMessage(15000, LogLevel.Information, "Generated the identifier key {Path} (Redaction:IdKey is not set); back it up with the database")]
    public static partial void IdKeyGenerated(ILogger logger, string path);
}
