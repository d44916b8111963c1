namespace QualityWatch.Tests.Deploy;

/// <summary>A systemd unit file read as systemd does: <c>[Section]</c>, then <c>Key=Value</c> lines; a key may repeat.</summary>
internal sealed class UnitFile
{
    private readonly List<(string Section, string Key, string Value)> entries = [];

    public UnitFile(string text)
    {
        var section = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                section = line[1..^1];
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            entries.Add((section, line[..equals].Trim(), line[(equals + 1)..].Trim()));
        }
    }

    public IReadOnlyList<string> All(string section, string key) =>
        [.. entries.Where(e => e.Section == section && e.Key == key).Select(e => e.Value)];

    /// <summary>The value in force: the last assignment wins, as in systemd.</summary>
    public string? Get(string section, string key) => All(section, key) is [.., var last] ? last : null;

    /// <summary>The <c>Environment=</c> assignments of <c>[Service]</c>, by variable.</summary>
    public IReadOnlyDictionary<string, string> Environment() =>
        All("Service", "Environment")
            .Select(v => v.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
}
