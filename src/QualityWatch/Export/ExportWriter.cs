using System.Text.Json;
using QualityWatch.Backfill.Batch.Wire;
using QualityWatch.Judging;
using QualityWatch.Judging.Gemini;

namespace QualityWatch.Export;

/// <summary>
/// Writes an export, one line per sample, in one of <see cref="ExportFormats"/>, and counts what it wrote.
/// Flushes after every page so an HTTP client sees lines as they are read, not when the export ends.
/// </summary>
internal sealed class ExportWriter(ExportQueries queries, Rubric rubric)
{
    public async Task<ExportCounts> WriteAsync(
        ExportFilter filter, string format, TextWriter output, Action<ExportCounts>? progress, CancellationToken cancellationToken)
    {
        var counts = new ExportCounts();
        await foreach (var sample in queries.ReadAsync(filter, cancellationToken))
        {
            await output.WriteLineAsync(Line(sample, format));
            Count(counts, sample);
            if (counts.Samples % ExportQueries.PageSize == 0)
            {
                await output.FlushAsync(cancellationToken);
                progress?.Invoke(counts);
            }
        }

        await output.FlushAsync(cancellationToken);
        return counts;
    }

    internal string Line(ExportSample sample, string format) => format switch
    {
        ExportFormats.GeminiBatch => JsonSerializer.Serialize(BatchLine(sample), BatchJsonContext.Default.BatchFileLine),
        ExportFormats.Eval => JsonSerializer.Serialize(
            new EvalRecord(sample.Prompt, sample.Response, sample.Context, EvalExpected.For(sample),
                new EvalMetadata(sample.InteractionId, sample.Stream, sample.PromptVersion, sample.Model, sample.Labels)),
            ExportJsonContext.Default.EvalRecord),
        _ => JsonSerializer.Serialize(sample, ExportJsonContext.Default.ExportSample),
    };

    /// <summary>The same request the batch judge sends (rubric as system instruction, no cache: another project has none of ours), keyed by interaction id.</summary>
    private BatchFileLine BatchLine(ExportSample sample)
    {
        var forJudging = new SampleForJudging(sample.InteractionId, sample.Stream, sample.Prompt, sample.Response, sample.Context, 0, null, null, sample.PromptVersion);
        return new BatchFileLine(sample.InteractionId, GeminiWire.GenerateRequest(rubric.Text, Rubric.SampleText(forJudging), cachedContent: null, tier: null));
    }

    private static void Count(ExportCounts counts, ExportSample sample)
    {
        counts.Samples++;
        counts.Verdicts += sample.Verdicts.Count;
        foreach (var verdict in sample.Verdicts)
        {
            counts.JudgeModels.Add(verdict.JudgeModel);
        }

        if (sample.Verdicts.LastOrDefault() is { Hallucination: true })
        {
            counts.Hallucinations++;
        }

        if (sample.Reviews is { Count: > 0 } reviews)
        {
            counts.Reviewed++;
            counts.Reviews += reviews.Count;
        }
    }
}
