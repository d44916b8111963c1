namespace QualityWatch.Export;

/// <summary>The three shapes an export can take, by the name <c>--format</c> and <c>format=</c> accept.</summary>
internal static class ExportFormats
{
    /// <summary>One sample per line with its verdicts and review labels.</summary>
    public const string Jsonl = "jsonl";

    /// <summary>One Gemini batch input line (<c>{"key", "request"}</c>) per sample, with the current rubric: to re-judge elsewhere.</summary>
    public const string GeminiBatch = "gemini-batch";

    /// <summary><c>input</c>, <c>output</c>, <c>expected</c> per line, for eval tools.</summary>
    public const string Eval = "eval";

    public static readonly string[] All = [Jsonl, GeminiBatch, Eval];
}
