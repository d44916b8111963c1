using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace QualityWatch.Tests.Simulator;

/// <summary>The simulator as its own process: <c>QualityWatch.Simulator judge --urls ... --Faults:...</c>.</summary>
public sealed partial class StandaloneTests
{
    private static readonly string SimulatorDll = Path.Combine(AppContext.BaseDirectory, "QualityWatch.Simulator.dll");

    [Fact]
    public async Task Judge_Standalone_LogsItsPortAndAppliesFaultsFromTheCommandLine()
    {
        using var process = Start("judge", "--urls", "http://127.0.0.1:0", "--Faults:Rate500", "1", "--Simulator:GeminiApiKey", "standalone-key");
        try
        {
            var address = await ListeningAddressAsync(process);
            using var client = new HttpClient { BaseAddress = address };

            var unauthenticated = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));
            var faulted = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"), geminiKey: "standalone-key");

            Assert.Equal(HttpStatusCode.Forbidden, unauthenticated.StatusCode);
            Assert.Equal(HttpStatusCode.InternalServerError, faulted.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    [Fact]
    public async Task Judge_InvalidFaultSetting_ExitsWith2AndNamesTheKey()
    {
        using var process = Start("judge", "--urls", "http://127.0.0.1:0", "--Faults:Rate429", "1.5");
        var stderr = process.StandardError.ReadToEndAsync();

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("Faults:Rate429", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_PrintsUsageAndExits1()
    {
        using var process = Start();
        var stderr = process.StandardError.ReadToEndAsync();

        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, process.ExitCode);
        Assert.Contains("usage:", await stderr, StringComparison.Ordinal);
    }

    private static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SimulatorDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        return Process.Start(start)!;
    }

    private static async Task<Uri> ListeningAddressAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                return new Uri(match.Groups[1].Value + "/");
            }
        }

        throw new InvalidOperationException("The simulator exited without saying where it listens.");
    }

    [GeneratedRegex(@"Judge simulator listening on (http://\S+)")]
    private static partial Regex Listening();
}
