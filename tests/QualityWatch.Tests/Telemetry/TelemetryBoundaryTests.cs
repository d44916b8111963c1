using System.Text.RegularExpressions;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Telemetry;

/// <summary>
/// Telemetry serves every feature, so it must not lean on one: a feature's gauges live in the feature and
/// plug in through IMetricGauges. Otherwise a change to alerting (say) lands in Telemetry too.
/// </summary>
public sealed class TelemetryBoundaryTests
{
    // Shared parts Telemetry may use: the API gate (scrape auth), hosting (listen URLs), storage (the gauges'
    // read transaction) and redaction (prompt_version labels are redacted free text). Ingestion only for
    // Ingest:ApiKeys, the older keys the scrape's key check accepts as the API gate does.
    private static readonly HashSet<string> Shared = new(StringComparer.Ordinal) { "Api", "Hosting", "Storage", "Redaction", "Ingestion" };

    [Fact]
    public void Telemetry_ImportsNoFeatureFolder()
    {
        var src = RepoRoot.File("src", "QualityWatch");
        var features = Directory.GetDirectories(src).Select(Path.GetFileName).OfType<string>()
            .Where(name => name is not ("Telemetry" or "bin" or "obj") && !Shared.Contains(name))
            .ToList();
        Assert.Contains("Alerting", features);
        Assert.Contains("Judging", features);
        Assert.Contains("Sampling", features);

        var reference = new Regex($@"\bQualityWatch\.({string.Join('|', features)})\b|cref=""({string.Join('|', features)})\.", RegexOptions.CultureInvariant);
        var offenders =
            from file in Directory.GetFiles(Path.Combine(src, "Telemetry"), "*.cs", SearchOption.AllDirectories)
            from line in File.ReadLines(file)
            where reference.IsMatch(line)
            select $"{Path.GetFileName(file)}: {line.Trim()}";

        Assert.Empty(offenders);
    }
}
