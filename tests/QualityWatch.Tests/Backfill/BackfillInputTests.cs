using System.Globalization;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Backfill;

/// <summary>What backfill refuses to read: inputs that never end, and lines past Ingest:MaxBodyBytes.</summary>
public sealed class BackfillInputTests
{
    private static readonly Dictionary<string, string?> SmallLines = new() { ["Ingest:MaxBodyBytes"] = "4096" };

    [Fact]
    public async Task CharacterDevice_IsRefusedWithExitCode2_NamingIt()
    {
        using var temp = new TempDirectory();

        var (exit, output, errors) = await BackfillRunner.RunAsync(temp.DatabasePath, new Dictionary<string, string?>(), default, "/dev/null", "--dry-run");

        Assert.True(exit == 2, output + errors);
        Assert.Contains("/dev/null is not a regular file", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DirectoryHoldingALinkToADevice_IsRefusedWithExitCode2_NamingTheEntry()
    {
        using var temp = new TempDirectory();
        var dir = Path.Combine(temp.Path, "logs");
        BackfillLogs.Write(Path.Combine(dir, "a.jsonl"), BackfillLogs.Lines(3, TimeSpan.FromMinutes(1)));
        var link = Path.Combine(dir, "b.jsonl");
        File.CreateSymbolicLink(link, "/dev/null");

        var (exit, output, errors) = await BackfillRunner.RunAsync(temp.DatabasePath, new Dictionary<string, string?>(), default, dir, "--dry-run");

        Assert.True(exit == 2, output + errors);
        Assert.Contains($"{link} is not a regular file", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("history.jsonl")]
    [InlineData("history.jsonl.gz")]
    public async Task LineLongerThanMaxBodyBytes_IsSkippedNamingFileAndLine_AndTheRestIsRead(string name)
    {
        using var temp = new TempDirectory();
        var lines = BackfillLogs.Lines(3, TimeSpan.FromMinutes(1)).ToList();

        // 1 MB of one line: in the .gz case a few kilobytes on disk that inflate far past the limit.
        lines.Insert(1, Some.Interaction(prompt: new string('a', 1_000_000), timestamp: BackfillLogs.Start.ToString("O", CultureInfo.InvariantCulture)).ToJsonString());
        var log = BackfillLogs.Write(Path.Combine(temp.Path, name), lines);

        var (exit, output, errors) = await BackfillRunner.RunAsync(temp.DatabasePath, SmallLines, default, log, "--every", "1", "--dry-run");

        Assert.True(exit == 0, output + errors);
        Assert.Contains($"{log}:2: line is longer than Ingest:MaxBodyBytes (4096 bytes); skipped", errors, StringComparison.Ordinal);
        Assert.Contains("Read 4 lines from 1 file(s): 1 skipped as invalid", output, StringComparison.Ordinal);
        Assert.Contains("Sampled 3:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LastLineWithoutNewline_IsRead_AndLongLinesJustUnderTheLimitPass()
    {
        using var temp = new TempDirectory();
        var lines = BackfillLogs.Lines(2, TimeSpan.FromMinutes(1)).ToList();
        lines.Add(Some.Interaction(prompt: new string('b', 3000), timestamp: BackfillLogs.Start.ToString("O", CultureInfo.InvariantCulture)).ToJsonString());
        var log = Path.Combine(temp.Path, "history.jsonl");
        File.WriteAllText(log, "\uFEFF" + string.Join("\r\n", lines));

        var (exit, output, errors) = await BackfillRunner.RunAsync(temp.DatabasePath, SmallLines, default, log, "--every", "1", "--dry-run");

        Assert.True(exit == 0, output + errors);
        Assert.Contains("Read 3 lines from 1 file(s): 0 skipped as invalid", output, StringComparison.Ordinal);
    }
}
