using System.Globalization;
using System.Text;

namespace QualityWatch.Tests.Support;

/// <summary>A parsed Prometheus text-format scrape (version 0.0.4), as Prometheus itself reads it.</summary>
public sealed class MetricsScrape
{
    private MetricsScrape(string text, List<PromSample> samples, Dictionary<string, string> types)
    {
        Text = text;
        Samples = samples;
        Types = types;
    }

    public string Text { get; }

    public IReadOnlyList<PromSample> Samples { get; }

    /// <summary>Each metric family's <c># TYPE</c>: counter, gauge, histogram...</summary>
    public IReadOnlyDictionary<string, string> Types { get; }

    public static MetricsScrape Parse(string text)
    {
        var samples = new List<PromSample>();
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                types[parts[2]] = parts[3];
            }

            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            samples.Add(ParseLine(line));
        }

        return new MetricsScrape(text, samples, types);
    }

    public static async Task<MetricsScrape> FetchAsync(HttpClient client, string path = "/metrics")
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Scrapes until <paramref name="until"/> holds or the timeout passes; returns the last scrape either way.</summary>
    public static async Task<MetricsScrape> FetchUntilAsync(HttpClient client, Func<MetricsScrape, bool> until, TimeSpan? timeout = null, string path = "/metrics")
    {
        return await Eventually.ValueAsync(() => FetchAsync(client, path), until, timeout ?? TimeSpan.FromSeconds(20));
    }

    /// <summary>The sum over every series of <paramref name="name"/> carrying all the given labels; 0 when none does.</summary>
    public double Sum(string name, params (string Label, string Value)[] labels) =>
        Samples.Where(s => s.Name == name && s.Matches(labels)).Sum(s => s.Value);

    public bool Has(string name, params (string Label, string Value)[] labels) => Samples.Any(s => s.Name == name && s.Matches(labels));

    /// <summary>The label names of a family's series, without <c>le</c> (histogram buckets) and <c>otel_scope_name</c> (on every series).</summary>
    public IReadOnlySet<string> LabelNames(string family) =>
        Samples.Where(s => FamilyOf(s.Name) == family).SelectMany(s => s.Labels.Keys).Where(k => k is not ("le" or "otel_scope_name")).ToHashSet(StringComparer.Ordinal);

    /// <summary>The family a sample belongs to: its own name, or a histogram's name without _bucket/_sum/_count.</summary>
    public string FamilyOf(string sampleName)
    {
        foreach (var suffix in (string[])["_bucket", "_sum", "_count"])
        {
            if (sampleName.EndsWith(suffix, StringComparison.Ordinal) && Types.GetValueOrDefault(sampleName[..^suffix.Length]) == "histogram")
            {
                return sampleName[..^suffix.Length];
            }
        }

        return sampleName;
    }

    public IEnumerable<string> LabelValues(string name, string label) =>
        Samples.Where(s => s.Name == name && s.Labels.ContainsKey(label)).Select(s => s.Labels[label]).Distinct();

    private static PromSample ParseLine(string line)
    {
        var brace = line.IndexOf('{', StringComparison.Ordinal);
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        string name;
        int rest;
        if (brace >= 0 && brace < space)
        {
            name = line[..brace];
            rest = ParseLabels(line, brace + 1, labels);
        }
        else
        {
            name = line[..space];
            rest = space;
        }

        var value = line[rest..].Trim().Split(' ')[0];
        return new PromSample(name, labels, value switch
        {
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            "NaN" => double.NaN,
            _ => double.Parse(value, CultureInfo.InvariantCulture),
        });
    }

    private static int ParseLabels(string line, int at, Dictionary<string, string> labels)
    {
        while (line[at] != '}')
        {
            var equals = line.IndexOf('=', at);
            var key = line[at..equals].Trim(',', ' ');
            var value = new StringBuilder();
            var i = equals + 2;
            for (; line[i] != '"'; i++)
            {
                if (line[i] == '\\')
                {
                    i++;
                    value.Append(line[i] == 'n' ? '\n' : line[i]);
                }
                else
                {
                    value.Append(line[i]);
                }
            }

            labels[key] = value.ToString();
            at = i + 1;
            if (line[at] == ',')
            {
                at++;
            }
        }

        return at + 1;
    }
}
