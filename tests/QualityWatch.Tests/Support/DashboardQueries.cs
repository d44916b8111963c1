using System.Text.Json;
using System.Text.RegularExpressions;

namespace QualityWatch.Tests.Support;

/// <summary>One PromQL target of a Grafana panel, with Grafana's template variables filled in.</summary>
public sealed record DashboardQuery(string Panel, string RefId, string Raw, string Expr);

/// <summary>The PromQL of the Grafana dashboard JSON, as Grafana would send it to Prometheus.</summary>
public static partial class DashboardQueries
{
    public static string DashboardPath { get; } = RepoRoot.File("dashboards", "grafana", "dashboards", "qualitywatch.json");

    /// <summary>
    /// Every panel target's expression (rows' nested panels included) and every annotation query (as panel
    /// <c>annotation: name</c>), variables filled from <paramref name="variables"/>.
    /// </summary>
    public static IReadOnlyList<DashboardQuery> Load(IReadOnlyDictionary<string, string> variables)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        var queries = new List<DashboardQuery>();
        Collect(doc.RootElement.GetProperty("panels"), variables, queries);
        foreach (var annotation in doc.RootElement.GetProperty("annotations").GetProperty("list").EnumerateArray().Where(a => a.TryGetProperty("expr", out _)))
        {
            var raw = annotation.GetProperty("expr").GetString()!;
            queries.Add(new DashboardQuery($"annotation: {annotation.GetProperty("name").GetString()}", "A", raw, Fill(raw, variables)));
        }

        return queries;
    }

    /// <summary>The template variables' <c>label_values(metric, label)</c> queries as (metric, label).</summary>
    public static IReadOnlyList<(string Metric, string Label)> VariableQueries()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(DashboardPath));
        return [.. doc.RootElement.GetProperty("templating").GetProperty("list").EnumerateArray()
            .Where(v => v.GetProperty("type").GetString() == "query")
            .Select(v => LabelValues().Match(v.GetProperty("definition").GetString() ?? ""))
            .Select(m => (m.Groups[1].Value, m.Groups[2].Value))];
    }

    /// <summary>Grafana's <c>$name</c>, <c>${name}</c> and <c>[[name]]</c>; an unknown variable fails the test.</summary>
    public static string Fill(string expr, IReadOnlyDictionary<string, string> variables) =>
        Variable().Replace(expr, m =>
        {
            var name = m.Groups["a"].Success ? m.Groups["a"].Value : m.Groups["b"].Success ? m.Groups["b"].Value : m.Groups["c"].Value;
            Assert.True(variables.TryGetValue(name, out var value), $"The dashboard uses ${name}, which the test does not fill: {expr}");
            return value!;
        });

    private static void Collect(JsonElement panels, IReadOnlyDictionary<string, string> variables, List<DashboardQuery> into)
    {
        foreach (var panel in panels.EnumerateArray())
        {
            if (panel.TryGetProperty("panels", out var nested))
            {
                Collect(nested, variables, into);
            }

            if (!panel.TryGetProperty("targets", out var targets))
            {
                continue;
            }

            foreach (var target in targets.EnumerateArray())
            {
                var raw = target.GetProperty("expr").GetString()!;
                into.Add(new DashboardQuery(panel.GetProperty("title").GetString()!, target.GetProperty("refId").GetString()!, raw, Fill(raw, variables)));
            }
        }
    }

    [GeneratedRegex(@"\$\{(?<a>\w+)(?::\w+)?\}|\$(?<b>\w+)|\[\[(?<c>\w+)\]\]")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^label_values\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*,\s*(\w+)\s*\)$")]
    private static partial Regex LabelValues();
}
