namespace QualityWatch.Tests.Support;

/// <summary>Files of this repository (README, dashboards), found from the test assembly upwards.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Of(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QualityWatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"QualityWatch.sln not found above {AppContext.BaseDirectory}");
    }
}
