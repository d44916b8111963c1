namespace QualityWatch.Testing;

/// <summary>The repository checkout: the first folder holding QualityWatch.sln above the binary (or else the working directory).</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "QualityWatch.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No QualityWatch.sln above {AppContext.BaseDirectory} or the working directory; run from a checkout.");
    }
}
