using System.Text.Json.Serialization;

namespace QualityWatch.Export;

/// <summary>What an export wrote: lines (one per sample), and the verdicts and review labels they carried.</summary>
internal sealed class ExportCounts
{
    [JsonPropertyName("samples")] public long Samples { get; set; }
    [JsonPropertyName("verdicts")] public long Verdicts { get; set; }
    [JsonPropertyName("reviewed")] public long Reviewed { get; set; }
    [JsonPropertyName("reviews")] public long Reviews { get; set; }
    [JsonPropertyName("hallucinations")] public long Hallucinations { get; set; }

    /// <summary>The judge models of the exported verdicts.</summary>
    [JsonIgnore] public SortedSet<string> JudgeModels { get; } = new(StringComparer.Ordinal);
}
