using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using QualityWatch.Export;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Export;

/// <summary><c>qualitywatch export</c>: in-process for output and progress, as a child process for the real binary's exit and files.</summary>
public sealed class ExportCommandTests : IAsyncLifetime
{
    private readonly TempDirectory temp = new();
    private Dictionary<string, string> ids = [];

    public async Task InitializeAsync()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, ExportSeed.Settings());
        ids = await ExportSeed.IngestAsync(host);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public Task DisposeAsync()
    {
        temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Export_ToAFile_WritesTheLinesAndAManifestBesideAndProgressOnATerminal()
    {
        var file = Path.Combine(temp.Path, "support.jsonl");

        var (exit, output, errors) = await RunAsync(progress: true, "--label", "dataset=customer-support-v2", "--format", "eval", "--output", file);

        Assert.Equal(0, exit);
        Assert.Equal("", output);
        Assert.Contains("exported 3 samples", errors, StringComparison.Ordinal);
        var lines = File.ReadAllLines(file);
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.True(JsonDocument.Parse(l).RootElement.TryGetProperty("input", out _)));
        var manifest = JsonDocument.Parse(File.ReadAllText(file + ".manifest.json")).RootElement;
        Assert.Equal("eval", manifest.GetProperty("format").GetString());
        Assert.Equal(3, manifest.GetProperty("counts").GetProperty("samples").GetInt32());
        Assert.Equal(1, manifest.GetProperty("counts").GetProperty("hallucinations").GetInt32());
        Assert.Equal("v1", manifest.GetProperty("rubric_version").GetString());
        Assert.Equal(["gemini-2.5-flash"], manifest.GetProperty("judge_models").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(["dataset=customer-support-v2"], manifest.GetProperty("filters").GetProperty("labels").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Export_ToStdout_WritesOnlyJsonLinesAndNoProgressWhenNotATerminal()
    {
        var (exit, output, errors) = await RunAsync(progress: false, "--reviewed", "false", "--prompt-version", "v1");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([ids["A"], ids["C"]], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("interaction_id").GetString()));
        Assert.DoesNotContain("exported", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(ExportSeed.Email, output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--hallucinaton", "true" }, "Did you mean '--hallucination'?")]
    [InlineData(new[] { "--format", "csv" }, "--format is jsonl, gemini-batch, eval")]
    [InlineData(new[] { "--accuracy-min", "0" }, "--accuracy-min: accuracy_min must be a whole score from 1 to 5")]
    [InlineData(new[] { "--stream" }, "--stream needs a value")]
    public async Task Export_BadArguments_Exit2AndSayWhy(string[] args, string expected)
    {
        var (exit, _, errors) = await RunAsync(progress: false, args);

        Assert.Equal(2, exit);
        Assert.Contains(expected, errors, StringComparison.Ordinal);
        Assert.Contains("Usage: qualitywatch export", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportVerb_RealProcess_WritesFileAndManifestAndNoProgressWhenStderrIsRedirected()
    {
        var file = Path.Combine(temp.Path, "out", "hallucinations.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);

        var (exit, output) = await ServiceProcess.RunToExitAsync(
            new Dictionary<string, string>(), temp.Path,
            "export", "--hallucination", "true", "--format", "gemini-batch", "--output", file, "--Storage:DatabasePath", temp.DatabasePath);

        Assert.True(exit == 0, output);
        var line = Assert.Single(File.ReadAllLines(file));
        Assert.Equal(ids["A"], JsonDocument.Parse(line).RootElement.GetProperty("key").GetString());
        Assert.True(File.Exists(file + ".manifest.json"));
        Assert.DoesNotContain("\r", output, StringComparison.Ordinal);
        Assert.DoesNotContain("exported 1 samples |", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportVerb_RealProcessToStdout_PrintsNothingButTheDataset()
    {
        var (exit, output) = await ServiceProcess.RunToExitAsync(
            new Dictionary<string, string>(), temp.Path, "export", "--stream", "default", "--Storage:DatabasePath", temp.DatabasePath);

        Assert.True(exit == 0, output);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(ids["C"], JsonDocument.Parse(line).RootElement.GetProperty("interaction_id").GetString());
    }

    private async Task<(int Exit, string Output, string Errors)> RunAsync(bool progress, params string[] args)
    {
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var errors = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await ExportCommand.RunAsync(args, output, errors, progress, CancellationToken.None,
            builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DatabasePath"] = temp.DatabasePath }));
        return (exit, output.ToString(), errors.ToString());
    }
}
