namespace QualityWatch.Storage;

/// <summary>One hourly volume row: stream × UTC hour × prompt_version × model (missing values as "").</summary>
internal readonly record struct VolumeKey(string Stream, long HourStart, string PromptVersion, string Model)
{
    private const long HourMs = 3_600_000;

    public static VolumeKey For(string stream, DateTimeOffset timestamp, string? promptVersion, string? model)
    {
        var ms = timestamp.ToUnixTimeMilliseconds();
        return new VolumeKey(stream, ms - (((ms % HourMs) + HourMs) % HourMs), promptVersion ?? "", model ?? "");
    }
}
