using System.Diagnostics;

namespace QualityWatch.Tests.Support;

/// <summary>
/// The real <c>prometheus</c> and <c>promtool</c> binaries of the Debian package <c>prometheus</c>,
/// and <c>amtool</c> of <c>prometheus-alertmanager</c>.
/// </summary>
public static class PrometheusTools
{
    /// <summary>The binary's path; fails the test, saying what to install, when it is missing.</summary>
    public static string Locate(string name, string package = "prometheus")
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Prepend("/usr/bin");
        var found = dirs.Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
        Assert.True(found is not null, $"'{name}' was not found in /usr/bin or on PATH: install the Debian package `{package}` (apt-get install {package}).");
        return found!;
    }

    /// <summary>Runs promtool to completion; returns its exit code and everything it printed.</summary>
    public static Task<(int ExitCode, string Output)> PromtoolAsync(string? stdin, params string[] args) => RunAsync(Locate("promtool"), stdin, args);

    /// <summary>Runs amtool to completion; returns its exit code and everything it printed.</summary>
    public static Task<(int ExitCode, string Output)> AmtoolAsync(params string[] args) => RunAsync(Locate("amtool", "prometheus-alertmanager"), null, args);

    private static async Task<(int ExitCode, string Output)> RunAsync(string path, string? stdin, string[] args)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
