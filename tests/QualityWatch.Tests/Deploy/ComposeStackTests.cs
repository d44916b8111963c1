using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using QualityWatch.Api;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Deploy;

/// <summary>
/// <c>deploy/compose.yaml</c> cannot be started here (no container engine), so what can be proven
/// without one is: every file it mounts exists, Prometheus and Alertmanager accept their configs,
/// Grafana's datasource is the one the dashboard refers to, and every setting it passes names a
/// real configuration key.
/// </summary>
public sealed partial class ComposeStackTests : IDisposable
{
    private static readonly string Compose = File.ReadAllText(RepoRoot.File("deploy", "compose.yaml"));

    /// <summary>Configuration arrays whose items are objects, and the options type of one item.</summary>
    private static readonly Dictionary<string, Type> ArrayElements = new(StringComparer.Ordinal)
    {
        ["Auth:Keys"] = typeof(ApiKeyOptions),
    };

    private readonly TempDirectory temp = new();

    [Fact]
    public void EveryBindMount_PointsAtAFileOrFolderOfTheRepository()
    {
        var mounts = BindMount().Matches(Compose).Select(m => m.Groups["host"].Value).ToList();

        Assert.True(mounts.Count >= 6, $"expected the stack's config mounts, found {mounts.Count}");
        foreach (var host in mounts)
        {
            var path = Path.GetFullPath(Path.Combine(RepoRoot.File("deploy"), host));
            Assert.True(File.Exists(path) || Directory.Exists(path), $"compose.yaml mounts {host}, which does not exist ({path})");
        }
    }

    [Fact]
    public async Task PrometheusConfig_WithTheMountedRules_PassesPromtool()
    {
        // Laid out as the container sees it: rules.yml beside prometheus.yml.
        File.Copy(RepoRoot.File("deploy", "compose", "prometheus.yml"), Path.Combine(temp.Path, "prometheus.yml"));
        File.Copy(RepoRoot.File("dashboards", "prometheus", "rules.yml"), Path.Combine(temp.Path, "rules.yml"));

        var (exit, output) = await PrometheusTools.PromtoolAsync(null, "check", "config", Path.Combine(temp.Path, "prometheus.yml"));

        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
        Assert.Contains("alertmanager:9093", File.ReadAllText(Path.Combine(temp.Path, "prometheus.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertmanagerConfig_PassesAmtool()
    {
        var (exit, output) = await PrometheusTools.AmtoolAsync("check-config", RepoRoot.File("deploy", "compose", "alertmanager.yml"));

        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void GrafanaDatasource_IsTheProvisionedOne_AtPrometheusServiceName()
    {
        var datasource = File.ReadAllText(RepoRoot.File("deploy", "compose", "grafana-datasource.yaml"));
        var provisioned = File.ReadAllText(RepoRoot.File("dashboards", "grafana", "provisioning", "datasources", "qualitywatch.yaml"));
        var dashboard = JsonNode.Parse(File.ReadAllText(RepoRoot.File("dashboards", "grafana", "dashboards", "qualitywatch.json")))!.ToJsonString();

        // The dashboard picks its datasource through a variable of type prometheus; provisioning and
        // compose give the same one, so links and alerts made against either keep working.
        var uid = Uid().Match(datasource).Groups["uid"].Value;
        Assert.Equal(Uid().Match(provisioned).Groups["uid"].Value, uid);
        Assert.Contains("\"query\":\"prometheus\"", dashboard, StringComparison.Ordinal);
        Assert.Contains("url: http://prometheus:9090", datasource, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceSettings_NameRealConfigurationKeys()
    {
        var settings = JsonNode.Parse(File.ReadAllText(RepoRoot.File("appsettings.json")))!;
        var keys = EnvSetting().Matches(Compose).Select(m => m.Groups["key"].Value).ToList();

        Assert.Contains("Auth__Keys__0__Key", keys);
        Assert.Contains("Auth__Keys__0__Roles__0", keys);
        foreach (var key in keys)
        {
            // Section__Name__0 is Section:Name[0]: the array itself must be in appsettings.json.
            var path = key.Split("__").Where(p => !p.All(char.IsAsciiDigit)).ToList();
            JsonNode? node = settings;
            for (var i = 0; i < path.Count; i++)
            {
                if (node is JsonArray && ArrayElements.TryGetValue(string.Join(':', path.Take(i)), out var element))
                {
                    // An array of objects is empty in appsettings.json: its items' fields are the options type's properties.
                    var field = path[i];
                    Assert.True(element.GetProperty(field) is not null, $"compose.yaml sets {key}, but {element.Name} has no {field}");
                    break;
                }

                // A key present with a null default counts: it is a setting left unset.
                var found = node is JsonObject section && section.TryGetPropertyValue(path[i], out node);
                Assert.True(found, $"compose.yaml sets {key}, but appsettings.json has no {string.Join(':', path)}");
            }
        }
    }

    public void Dispose() => temp.Dispose();

    [GeneratedRegex(@"^\s*-\s*(?<host>\.{1,2}/[^:\s]+):/", RegexOptions.Multiline)]
    private static partial Regex BindMount();

    [GeneratedRegex(@"uid:\s*(?<uid>[\w-]+)")]
    private static partial Regex Uid();

    [GeneratedRegex(@"^\s+(?<key>[A-Z]\w*__[\w_]+):", RegexOptions.Multiline)]
    private static partial Regex EnvSetting();
}
