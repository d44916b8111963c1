using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace QualityWatch.Tests.Support;

/// <summary>
/// The real Prometheus Alertmanager (Debian's <c>prometheus-alertmanager</c>) on a free loopback
/// port, with a null receiver, its storage in a temp folder and clustering off.
/// </summary>
public sealed class AlertmanagerProcess : IAsyncDisposable
{
    public const string Binary = "/usr/bin/prometheus-alertmanager";

    private readonly Process process;
    private readonly TempDirectory temp;
    private readonly ConcurrentQueue<string> output = new();

    private AlertmanagerProcess(Process process, TempDirectory temp, Uri url)
    {
        this.process = process;
        this.temp = temp;
        Url = url;
    }

    public Uri Url { get; }

    public string Output => string.Join('\n', output);

    /// <summary>
    /// Starts Alertmanager on <paramref name="port"/> (e.g. one a client was already failing to reach;
    /// default a free one) with <paramref name="resolveTimeout"/> as its resolve_timeout: how long an
    /// alert without endsAt lives unless posted again (Alertmanager's default 5 min if not given).
    /// </summary>
    public static async Task<AlertmanagerProcess> StartAsync(int? port = null, TimeSpan? resolveTimeout = null)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException(
                $"{Binary} is missing: install it with 'apt-get install -y prometheus-alertmanager' (.ci/run does this before the tests).");
        }

        var temp = new TempDirectory();
        var config = Path.Combine(temp.Path, "alertmanager.yml");
        var global = resolveTimeout is { } timeout ? $"global:\n  resolve_timeout: {(int)timeout.TotalMilliseconds}ms\n" : "";
        await File.WriteAllTextAsync(config, global + "route:\n  receiver: 'null'\nreceivers:\n  - name: 'null'\n");
        port ??= SmtpTestServer.FreePort();
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--config.file={config}");
        start.ArgumentList.Add($"--storage.path={Path.Combine(temp.Path, "data")}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        start.ArgumentList.Add("--cluster.listen-address=");
        var process = Process.Start(start)!;
        var alertmanager = new AlertmanagerProcess(process, temp, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => alertmanager.Log(e.Data);
        process.ErrorDataReceived += (_, e) => alertmanager.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await alertmanager.WaitReadyAsync();
        return alertmanager;
    }

    /// <summary>What Alertmanager holds now, from its own API: <c>GET /api/v2/alerts</c> (active, unresolved alerts).</summary>
    public async Task<List<JsonElement>> AlertsAsync(string alertname)
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(5) };
        var json = await client.GetStringAsync(new Uri($"/api/v2/alerts?filter={Uri.EscapeDataString($"alertname=\"{alertname}\"")}", UriKind.Relative));
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(a => a.Clone())];
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        temp.Dispose();
    }

    private async Task WaitReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = Url, Timeout = TimeSpan.FromSeconds(2) };
        var ready = await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    using var answer = await client.GetAsync(new Uri("/-/ready", UriKind.Relative));
                    return answer.IsSuccessStatusCode || process.HasExited;
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                    return process.HasExited;
                }
            },
            TimeSpan.FromSeconds(20));
        if (!ready || process.HasExited)
        {
            throw new InvalidOperationException("Alertmanager did not become ready:\n" + Output);
        }
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
