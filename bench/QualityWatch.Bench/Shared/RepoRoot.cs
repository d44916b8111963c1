namespace QualityWatch.Bench.Shared;

/// <summary>The checkout the bench runs from: the first folder up from the binary (or the working directory) holding QualityWatch.sln.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "QualityWatch.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("QualityWatch.sln not found above the bench binary or the working directory; run from a checkout.");
    }
}
