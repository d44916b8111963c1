using System.Text.Json;
using System.Text.RegularExpressions;

namespace QualityWatch.Tests.Deploy;

/// <summary>A Dockerfile as its instructions: continuation lines joined, comments dropped, each with its stage.</summary>
internal sealed partial class Dockerfile
{
    public Dockerfile(string text)
    {
        var stage = "";
        foreach (var line in JoinContinuations(text))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var keyword = line[..space].ToUpperInvariant();
            var args = line[(space + 1)..].Trim();
            if (keyword == "FROM")
            {
                var alias = FromAlias().Match(args);
                stage = alias.Success ? alias.Groups[1].Value : args;
            }

            Instructions.Add((stage, keyword, args));
        }
    }

    public List<(string Stage, string Keyword, string Args)> Instructions { get; } = [];

    public IEnumerable<string> All(string stage, string keyword) =>
        Instructions.Where(i => i.Stage == stage && i.Keyword == keyword).Select(i => i.Args);

    public string Single(string stage, string keyword) => Assert.Single(All(stage, keyword));

    /// <summary>The exec form <c>["a", "b"]</c> as its words.</summary>
    public static string[] ExecForm(string json) => JsonSerializer.Deserialize<string[]>(json)!;

    /// <summary><c>ENV</c> in its <c>KEY=value KEY2=value2</c> form.</summary>
    public Dictionary<string, string> Environment(string stage) =>
        All(stage, "ENV")
            .SelectMany(args => args.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);

    private static IEnumerable<string> JoinContinuations(string text)
    {
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && pending.Length == 0))
            {
                continue;
            }

            if (line.EndsWith('\\'))
            {
                pending += line[..^1].Trim() + " ";
                continue;
            }

            yield return pending + line;
            pending = "";
        }
    }

    [GeneratedRegex(@"\s+AS\s+(\S+)$", RegexOptions.IgnoreCase)]
    private static partial Regex FromAlias();
}
