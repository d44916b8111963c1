using System.Text.RegularExpressions;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Api;

/// <summary>
/// Api/ is what every endpoint shares; a feature builds on it, never the other way round, or the gate
/// and a feature import each other and neither can change alone.
/// </summary>
public sealed partial class ApiDependencyTests
{
    [Fact]
    public void ApiFolder_ImportsNoFeatureFolder()
    {
        var source = RepoRoot.File("src", "QualityWatch");
        var folders = Directory.GetDirectories(source).Select(Path.GetFileName).OfType<string>()
            .Where(f => f is not ("Api" or "bin" or "obj")).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Ingestion", folders);

        var imports = (
            from file in Directory.EnumerateFiles(Path.Combine(source, "Api"), "*.cs", SearchOption.AllDirectories)
            from line in File.ReadLines(file).Select((text, i) => (Text: text, Number: i + 1))
            from match in Reference().Matches(line.Text)
            let folder = match.Groups["folder"].Value
            where folders.Contains(folder)
            select $"{Path.GetRelativePath(source, file)}:{line.Number} refers to {folder}/: {line.Text.Trim()}").ToList();

        Assert.True(imports.Count == 0, "Api/ depends on a feature folder:\n" + string.Join('\n', imports));
    }

    /// <summary>A namespace (using, qualified name) or an XML doc cref naming another top-level folder.</summary>
    [GeneratedRegex(@"\bQualityWatch\.(?<folder>\w+)|cref=""(?<folder>\w+)\.")]
    private static partial Regex Reference();
}
