namespace QualityWatch.Judging;

/// <summary>
/// The versioned grading instructions: the same leading prefix of every judge request, so it
/// can be cached. A new rubric is a new file <c>Judging/Rubrics/vN.md</c>; its version is
/// stored with each verdict.
/// </summary>
internal sealed class Rubric(string version, string text)
{
    /// <summary>The default of <c>Judge:Rubric</c>: the rubric the live judge uses unless configured otherwise.</summary>
    public const string DefaultVersion = "v1";

    private const string ResourcePrefix = "Rubrics/";

    public string Version { get; } = version;

    public string Text { get; } = text;

    /// <summary>Rough token count (UTF-8 chars / 4), enough to decide whether an explicit cache is allowed.</summary>
    public int EstimatedTokens => (Text.Length + 3) / 4;

    /// <summary>The rubric versions built into this QualityWatch, in order (v1, v2, ...).</summary>
    public static IReadOnlyList<string> Shipped { get; } = [.. typeof(Rubric).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".md".Length])
        .Order(StringComparer.Ordinal)];

    public static Rubric Load(string version = DefaultVersion)
    {
        var resource = $"{ResourcePrefix}{version}.md";
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
