using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Hosting;

/// <summary>
/// One visibility rule: the service is an application, not a library, so every type is internal (tests and
/// bench see them through InternalsVisibleTo). The judge simulator is the one library: the service's demo
/// starts it, so its entry points stay public.
/// </summary>
public sealed class VisibilityTests
{
    [Fact]
    public void ServiceTypes_AreInternal()
    {
        var source = RepoRoot.File("src", "QualityWatch");
        var publicTypes = (
            from file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
            where !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            from line in File.ReadLines(file).Select((text, i) => (Text: text, Number: i + 1))
            where line.Text.StartsWith("public ", StringComparison.Ordinal)
            select $"{Path.GetRelativePath(source, file)}:{line.Number}: {line.Text}").ToList();

        Assert.True(publicTypes.Count == 0, "Types in src/QualityWatch are internal; these are public:\n" + string.Join('\n', publicTypes));
    }
}
