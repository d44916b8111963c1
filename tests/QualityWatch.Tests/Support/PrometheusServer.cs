using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace QualityWatch.Tests.Support;

/// <summary>
/// The real Prometheus server as a child process on a free loopback port, with its own temp TSDB,
/// queried through its HTTP API. Killed (with any children) on dispose.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly TempDirectory temp;
    private readonly ConcurrentQueue<string> output = new();

    private PrometheusServer(Process process, TempDirectory temp, int port)
    {
        this.process = process;
        this.temp = temp;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public HttpClient Client { get; }

    public string Output => string.Join('\n', output);

    /// <summary>Starts Prometheus with <paramref name="config"/> (prometheus.yml text) and waits until it is ready.</summary>
    public static async Task<PrometheusServer> StartAsync(string config)
    {
        var binary = PrometheusTools.Locate("prometheus");
        var temp = new TempDirectory();
        var configPath = Path.Combine(temp.Path, "prometheus.yml");
        await File.WriteAllTextAsync(configPath, config);
        var port = FreePort.Next();
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"--config.file={configPath}");
        start.ArgumentList.Add($"--storage.tsdb.path={Path.Combine(temp.Path, "tsdb")}");
        start.ArgumentList.Add($"--web.listen-address=127.0.0.1:{port}");
        start.ArgumentList.Add("--log.level=warn");

        var server = new PrometheusServer(Process.Start(start)!, temp, port);
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>An instant query; <c>status</c> is <c>success</c> or <c>error</c> (a PromQL parse error answers 400 with a body).</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        using var response = await Client.GetAsync($"api/v1/query?query={Uri.EscapeDataString(promql)}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The result vector of a successful instant query; fails the test on an error.</summary>
    public async Task<JsonElement[]> VectorAsync(string promql)
    {
        var answer = await QueryAsync(promql);
        Assert.True(answer.GetProperty("status").GetString() == "success", $"Prometheus rejected `{promql}`: {answer}");
        return [.. answer.GetProperty("data").GetProperty("result").EnumerateArray()];
    }

    /// <summary>Every loaded rule as Prometheus reports it (type, name, query, health, lastError, state).</summary>
    public async Task<JsonElement[]> RulesAsync()
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("api/v1/rules"));
        return [.. doc.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray()).Select(r => r.Clone())];
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with Prometheus' output when it does not in time.</summary>
    public async Task WaitUntilAsync(string what, Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        var held = await Eventually.TrueAsync(
            async () =>
            {
                Assert.False(process.HasExited, $"Prometheus exited while waiting for {what}:\n{Output}");
                return await condition();
            },
            timeout ?? TimeSpan.FromSeconds(60));
        Assert.True(held, $"Timed out waiting for {what}. Prometheus said:\n{Output}");
    }

    /// <summary>Waits until every scrape target reports health <c>up</c>.</summary>
    public Task WaitUntilTargetsUpAsync() => WaitUntilAsync("the scrape target to be up", async () =>
    {
        using var doc = JsonDocument.Parse(await Client.GetStringAsync("api/v1/targets"));
        var targets = doc.RootElement.GetProperty("data").GetProperty("activeTargets").EnumerateArray().ToList();
        return targets.Count > 0 && targets.All(t => t.GetProperty("health").GetString() == "up");
    });

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            process.Dispose();
            temp.Dispose();
        }
    }

    private Task WaitUntilReadyAsync() => WaitUntilAsync("Prometheus to be ready", async () =>
    {
        try
        {
            using var response = await Client.GetAsync("-/ready");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    });

    private void Keep(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
