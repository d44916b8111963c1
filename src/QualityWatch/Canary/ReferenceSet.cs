using System.Text.Json;
using System.Text.RegularExpressions;

namespace QualityWatch.Canary;

/// <summary>
/// The versioned reference set built into the service (<c>Canary/reference-vN.jsonl</c>): synthetic, PII-free
/// support turns with known answers. A changed set is a new version, so runs on different sets are never compared.
/// </summary>
internal sealed partial class ReferenceSet(string version, IReadOnlyList<ReferenceItem> items)
{
    public const string CurrentVersion = "v1";

    public string Version { get; } = version;

    public IReadOnlyList<ReferenceItem> Items { get; } = items;

    public static ReferenceSet Load(string version = CurrentVersion)
    {
        var resource = $"Canary/reference-{version}.jsonl";
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
