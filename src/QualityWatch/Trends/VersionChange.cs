namespace QualityWatch.Trends;

/// <summary>
/// A deploy as the data shows it: a prompt_version or model value a stream had not had before, first seen at
/// <see cref="FirstSeen"/> (the earliest sample of it), and the value that came first before it (null: none known).
/// </summary>
internal sealed record VersionChange(string Stream, string Dimension, string Value, string? Previous, DateTimeOffset FirstSeen)
{
    /// <summary><c>prompt_version v1 → v2</c>.</summary>
    public string Label => Previous is null ? $"{Dimension} {Value}" : $"{Dimension} {Previous} → {Value}";
}
