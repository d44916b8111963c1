using System.Text.RegularExpressions;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Telemetry;

/// <summary>The README's metric table is the contract: a real scrape has exactly those families, types and labels.</summary>
public sealed partial class MetricsCatalogTests(FullScrapeFixture fixture) : IClassFixture<FullScrapeFixture>
{
    [Fact]
    public void Scrape_HasExactlyTheDocumentedQualityWatchMetrics()
    {
        var documented = Documented();
        var exported = fixture.Scrape.Types.Keys.Where(n => n.StartsWith("qualitywatch_", StringComparison.Ordinal)).ToHashSet();

        Assert.True(documented.Count >= 20, $"only {documented.Count} metrics found in the README's Metrics table");
        Assert.Empty(exported.Except(documented.Keys));
        Assert.Empty(documented.Keys.Except(exported));
    }

    [Fact]
    public void Scrape_TypesAndLabels_AreAsDocumented()
    {
        foreach (var (name, (type, labels)) in Documented())
        {
            Assert.True(fixture.Scrape.Types.TryGetValue(name, out var exportedType), $"{name} is not exported");
            Assert.True(type == exportedType, $"{name}: README says {type}, the scrape says {exportedType}");
            var exportedLabels = fixture.Scrape.LabelNames(name);
            Assert.True(labels.SetEquals(exportedLabels), $"{name}: README labels [{string.Join(", ", labels.Order())}], scrape [{string.Join(", ", exportedLabels.Order())}]");
        }
    }

    /// <summary>Rows "| `name` | type | unit | `label`, `label` | meaning |" of the README's Metrics section.</summary>
    private static Dictionary<string, (string Type, HashSet<string> Labels)> Documented()
    {
        var readme = File.ReadAllText(RepoRoot.File("README.md"));
        var start = readme.IndexOf("\n## Metrics\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Metrics' section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];

        var rows = new Dictionary<string, (string, HashSet<string>)>(StringComparer.Ordinal);
        foreach (var line in section.Split('\n').Where(l => l.StartsWith("| `qualitywatch_", StringComparison.Ordinal)))
        {
            var cells = line.Split('|');
            var labels = Code().Matches(cells[4]).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            rows.Add(Code().Match(cells[1]).Groups[1].Value, (cells[2].Trim(), labels));
        }

        return rows;
    }

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex Code();
}
