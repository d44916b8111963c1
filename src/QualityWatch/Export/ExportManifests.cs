using System.Security.Cryptography;
using System.Text;
using QualityWatch.Cli;
using QualityWatch.Judging;

namespace QualityWatch.Export;

/// <summary>Builds the manifest of an export from what it wrote.</summary>
internal sealed class ExportManifests(ExportWriter writer, Rubric rubric, TimeProvider time)
{
    public ExportManifest Build(ExportFilter filter, string format, ExportCounts counts) => new(
        time.GetUtcNow(),
        Usage.Version,
        format,
        filter,
        counts,
        rubric.Version,
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(rubric.Text))),
        [.. counts.JudgeModels],
        // Kept for readers of older manifests: review labels always exist since the reviews migration (0016).
        ReviewsAvailable: true);

    /// <summary>The manifest of an export not written: the same read, counted into nothing.</summary>
    public async Task<ExportManifest> CountAsync(ExportFilter filter, string format, CancellationToken cancellationToken)
    {
        var counts = await writer.WriteAsync(filter, format, TextWriter.Null, null, cancellationToken);
        return Build(filter, format, counts);
    }
}
