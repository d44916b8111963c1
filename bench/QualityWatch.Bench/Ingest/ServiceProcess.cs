using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Ingest;

/// <summary>
/// QualityWatch as its own OS process (<c>dotnet QualityWatch.dll</c>), so the load generator
/// shares neither its runtime, GC nor thread pool, and its peak RSS is the service's alone.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private ServiceProcess(string dll, Uri baseAddress, IReadOnlyDictionary<string, string> environment)
    {
        BaseAddress = baseAddress;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString().TrimEnd('/'));

        // Only what the bench names reaches the service: no QW_/ASPNETCORE_ overrides, and no judge
        // key from the shell (the ingest benchmark must never call a real, paid judge).
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("QW_", StringComparison.Ordinal) ||
            k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("Judge__", StringComparison.Ordinal) ||
            k is "GEMINI_API_KEY" or "OPENAI_API_KEY").ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress { get; }

    /// <summary>The service's peak resident set so far (<c>VmHWM</c> in /proc/PID/status), in bytes.</summary>
    public long PeakRssBytes => StatusKib("VmHWM") * 1024;

    public int Id => process.Id;

    /// <summary>File descriptors the service holds now (entries of /proc/PID/fd): sockets, the database, pipes.</summary>
    public int OpenFiles => process.HasExited ? 0 : Directory.GetFileSystemEntries($"/proc/{process.Id}/fd").Length;

    /// <summary>The exit code once the service has exited by itself; null while it runs.</summary>
    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>The service's open-file limit, soft and hard, from /proc/PID/limits (the runtime raises soft to hard at start).</summary>
    public string MaxOpenFiles => process.HasExited ? "?" : Limits.MaxOpenFiles(process.Id);
    /// <summary>The service's resident set now (<c>VmRSS</c>), in bytes.</summary>
    public long RssBytes => StatusKib("VmRSS") * 1024;

    /// <summary>Starts the service on a free loopback port and waits until /readyz reports the database ready.</summary>
    public static async Task<ServiceProcess> StartAsync(string dll, IReadOnlyDictionary<string, string> environment)
    {
        var service = new ServiceProcess(dll, new Uri($"http://127.0.0.1:{FreePort()}/"), environment);
        try
        {
            await service.WaitReadyAsync();
            return service;
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
    }

    /// <summary>SIGTERM, as systemd sends it, then the graceful shutdown; killed if it overruns.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>kill -9: no shutdown, no final checkpoint; whatever the service acknowledged must survive it.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
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

    /// <summary>
    /// Ready when /readyz answers with the database and shutdown checks Healthy (no judge key: the ingest
    /// benchmark measures ingest alone; the judge is not part of readiness).
    /// </summary>
    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"QualityWatch exited with {process.ExitCode} before it was ready:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync("readyz");
                using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var checks = health.RootElement.GetProperty("checks").EnumerateArray()
                    .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
                if (checks.GetValueOrDefault("database") == "Healthy" && checks.GetValueOrDefault("shutdown") == "Healthy")
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"QualityWatch was not ready within {StartTimeout}:\n{Output}");
    }

    private string Output => string.Join('\n', output);

    private long StatusKib(string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/{process.Id}/status has no {field}.");
        return long.Parse(line[(field.Length + 1)..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        // The last lines are enough to say why a start failed; the rest is drained so the pipe never blocks.
        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
