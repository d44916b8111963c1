using System.Text.Json;
using System.Text.RegularExpressions;

namespace QualityWatch.Canary;

/// <summary>
/// The versioned reference set built into the service (<c>Canary/reference-vN.jsonl</c>): synthetic, PII-free
/// support turns with known answers. A changed set is a new version, so runs on different sets are never compared.
/// v1: 500 items (100 hallucinated); v2: 1,500 items (300 hallucinated), large enough that a specificity drop of 0.96 to
/// 0.90 is caught on the first run after it (bench/RESULTS.md, "Judge-drift canary").
/// </summary>
internal sealed partial class ReferenceSet(string version, IReadOnlyList<ReferenceItem> items)
{
    /// <summary>The default of <c>Canary:ReferenceSet</c>.</summary>
    public const string DefaultVersion = "v2";

    private const string ResourcePrefix = "Canary/reference-";

    /// <summary>The reference set versions built into this QualityWatch, in order.</summary>
    public static IReadOnlyList<string> Shipped { get; } = [.. typeof(ReferenceSet).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".jsonl", StringComparison.Ordinal))
        .Select(n => n[ResourcePrefix.Length..^".jsonl".Length])
        .Order(StringComparer.Ordinal)];

    public string Version { get; } = version;

    public IReadOnlyList<ReferenceItem> Items { get; } = items;

    public static ReferenceSet Load(string version = DefaultVersion)
    {
        var resource = $"{ResourcePrefix}{version}.jsonl";
        using var stream = typeof(ReferenceSet).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"No canary reference set '{version}' is built into this QualityWatch (resource {resource}).");
        using var reader = new StreamReader(stream);
        var items = new List<ReferenceItem>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                items.Add(JsonSerializer.Deserialize(line, CanaryJsonContext.Default.ReferenceItem)
                    ?? throw new InvalidOperationException($"An empty item in canary reference set {version}."));
            }
        }

        return new ReferenceSet(version, items);
    }

    /// <summary>The text without the simulator's truth markers, so a real judge is not told the answer.</summary>
    public static string WithoutMarkers(string text) => Markers().Replace(text, "").TrimEnd();

    [GeneratedRegex(@"\s*\[\[[^\]]*\]\]")]
    private static partial Regex Markers();
}
