namespace QualityWatch.Judging;

/// <summary>
/// The versioned grading instructions: the same leading prefix of every judge request, so it
/// can be cached. A new rubric is a new file <c>Judging/Rubrics/vN.md</c>; its version is
/// stored with each verdict.
/// </summary>
internal sealed class Rubric(string version, string text)
{
    /// <summary>The rubric every new verdict uses.</summary>
    public const string CurrentVersion = "v1";

    public string Version { get; } = version;

    public string Text { get; } = text;

    /// <summary>Rough token count (UTF-8 chars / 4), enough to decide whether an explicit cache is allowed.</summary>
    public int EstimatedTokens => (Text.Length + 3) / 4;

    public static Rubric Load(string version = CurrentVersion)
    {
        var resource = $"Rubrics/{version}.md";
        using var stream = typeof(Rubric).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No rubric '{version}' is built into this QualityWatch (resource {resource}).");
        using var reader = new StreamReader(stream);
        return new Rubric(version, reader.ReadToEnd());
    }

    /// <summary>The per-sample part that follows the rubric prefix.</summary>
    public static string SampleText(SampleForJudging sample) =>
        $"""
        # Sample

        ## Grounding context
        {(string.IsNullOrEmpty(sample.Context) ? "(none)" : sample.Context)}

        ## User prompt
        {sample.Prompt}

        ## Chatbot response
        {sample.Response}
        """;
}
