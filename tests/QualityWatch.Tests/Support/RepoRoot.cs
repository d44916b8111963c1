namespace QualityWatch.Tests.Support;

/// <summary>The repository checkout the tests were built from: the folder holding QualityWatch.sln.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "QualityWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No QualityWatch.sln above {AppContext.BaseDirectory}.");
    }
}
