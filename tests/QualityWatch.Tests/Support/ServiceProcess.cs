using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace QualityWatch.Tests.Support;

/// <summary>
/// QualityWatch as its own OS process (the built QualityWatch.dll under dotnet), for what
/// only a real process shows: kill -9, restart, exit codes and what reaches stdout/stderr.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(IReadOnlyDictionary<string, string> environment, string workingDirectory, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ServiceDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test names reaches the child: no stray ASPNETCORE_/QW_ settings from the runner.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("QW_", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("QualityWatch exited before listening:\n" + Output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>The built service, next to this test assembly (project reference output).</summary>
    public static string ServiceDll { get; } = Path.Combine(AppContext.BaseDirectory, "QualityWatch.dll");

    public Uri BaseAddress => listening.Task.Result;

    public string Output => string.Join('\n', output);

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>Starts the service listening on a free loopback port (plus any <paramref name="args"/>) and waits until it answers.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        var service = new ServiceProcess(environment, workingDirectory, ["--urls", "http://127.0.0.1:0", .. args]);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await service.listening.Task.WaitAsync(timeout.Token);
        return service;
    }

    /// <summary>Runs the service expecting it to refuse to start; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        await using var service = new ServiceProcess(environment, workingDirectory, args.Length == 0 ? ["--urls", "http://127.0.0.1:0"] : args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await service.process.WaitForExitAsync(timeout.Token);
        return (service.process.ExitCode, service.Output);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no checkpoint.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd and docker stop send it: the graceful shutdown path.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
