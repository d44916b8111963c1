using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace QualityWatch.Testing;

/// <summary>
/// QualityWatch as its own OS process (the built QualityWatch.dll under dotnet), for what only a real
/// process shows: kill -9, restart, exit codes, what reaches stdout/stderr, and (for the benchmarks) a
/// runtime, GC, thread pool and resident set that are the service's alone.
/// </summary>
public sealed partial class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly int keepLines;
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(string dll, IReadOnlyDictionary<string, string> environment, string? workingDirectory, IEnumerable<string> args, int keepLines)
    {
        this.keepLines = keepLines;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the caller names reaches the child: no QW_/ASPNETCORE_ overrides from the runner's
        // shell, and no judge key from it either (a test or bench must never call a real, paid judge).
        foreach (var key in start.Environment.Keys.Where(IsInherited).ToList())
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

    /// <summary>The built service next to the running assembly (a project reference's output).</summary>
    public static string ServiceDll { get; } = Path.Combine(AppContext.BaseDirectory, "QualityWatch.dll");

    /// <summary>Where the service listens, once <see cref="StartAsync"/> or <see cref="StartReadyAsync"/> returned.</summary>
    public Uri BaseAddress => listening.Task.Result;

    public string Output => string.Join('\n', output);

    /// <summary>The exit code once the service has exited; null while it runs.</summary>
    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    public int Id => process.Id;

    /// <summary>The service's peak resident set so far (<c>VmHWM</c> in /proc/PID/status), in bytes.</summary>
    public long PeakRssBytes => ProcStatus.Kib(process.Id, "VmHWM") * 1024;

    /// <summary>The service's resident set now (<c>VmRSS</c>), in bytes.</summary>
    public long RssBytes => ProcStatus.Kib(process.Id, "VmRSS") * 1024;

    /// <summary>File descriptors the service holds now (entries of /proc/PID/fd): sockets, the database, pipes.</summary>
    public int OpenFiles => process.HasExited ? 0 : Directory.GetFileSystemEntries($"/proc/{process.Id}/fd").Length;

    /// <summary>Starts the service listening on a free loopback port (plus any <paramref name="args"/>) and waits until it says where.</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        var service = new ServiceProcess(ServiceDll, environment, workingDirectory, ["--urls", "http://127.0.0.1:0", .. args], int.MaxValue);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await service.listening.Task.WaitAsync(timeout.Token);
        return service;
    }

    /// <summary>
    /// Starts <paramref name="dll"/> on a free loopback port and waits until /readyz reports the database
    /// and shutdown checks Healthy. Keeps only the last lines of output: enough to say why a start failed,
    /// and a long benchmark does not grow memory with it.
    /// </summary>
    public static async Task<ServiceProcess> StartReadyAsync(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var service = new ServiceProcess(dll, environment, null, ["--urls", address.ToString().TrimEnd('/')], 200);
        service.listening.TrySetResult(address);
        try
        {
            await Readiness.WaitAsync(address, () => service.ExitCode, () => service.Output, StartTimeout);
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the service expecting it to refuse to start; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        await using var service = new ServiceProcess(ServiceDll, environment, workingDirectory, args.Length == 0 ? ["--urls", "http://127.0.0.1:0"] : args, int.MaxValue);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await service.process.WaitForExitAsync(timeout.Token);
        return (service.process.ExitCode, service.Output);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no checkpoint; whatever the service acknowledged must survive it.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit();
    }

    /// <summary>SIGTERM, as systemd and docker stop send it: the graceful shutdown path.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return process.ExitCode;
    }

    /// <summary>SIGTERM and the graceful shutdown, killed if it overruns.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        Terminate();
        try
        {
            await WaitForExitAsync(StopTimeout);
        }
        catch (OperationCanceledException)
        {
            Kill();
        }
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

    private static bool IsInherited(string key) =>
        key.StartsWith("QW_", StringComparison.Ordinal) || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal) ||
        key.StartsWith("Judge__", StringComparison.Ordinal) || key is "GEMINI_API_KEY" or "OPENAI_API_KEY";

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        // The rest is drained all the same, so the pipe never blocks the service.
        output.Enqueue(line);
        while (output.Count > keepLines && output.TryDequeue(out _))
        {
        }

        var match = ListeningLine().Match(line);
        if (match.Success)
        {
            listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
