using QualityWatch.Hosting;

namespace QualityWatch.Tests.Hosting;

/// <summary>The one range check the options validators share: the message names the key and reads the bounds as configured.</summary>
public sealed class OptionRangeTests
{
    [Theory]
    [InlineData(0, "Ingest:QueueCapacity must be between 1 and 1000000, was 0.")]
    [InlineData(1_000_001, "Ingest:QueueCapacity must be between 1 and 1000000, was 1000001.")]
    public void Number_OutsideItsBounds_NamesTheKey(long value, string expected)
    {
        var errors = new List<string>();

        OptionRange.Check(errors, "Ingest:QueueCapacity", value, 1, 1_000_000);

        Assert.Equal([expected], errors);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000_000)]
    public void Number_OnItsBounds_Passes(long value)
    {
        var errors = new List<string>();

        OptionRange.Check(errors, "Ingest:QueueCapacity", value, 1, 1_000_000);

        Assert.Empty(errors);
    }

    [Fact]
    public void Number_WithANote_PutsItAfterTheBounds()
    {
        var errors = new List<string>();

        OptionRange.Check(errors, "Batch:MaxInlineBytes", 10, 1024, 20 * 1024 * 1024, "20 MB");

        Assert.Equal(["Batch:MaxInlineBytes must be between 1024 and 20971520 (20 MB), was 10."], errors);
    }

    [Theory]
    [InlineData(50, 100, 3_600_000, "Backfill:ProgressInterval must be between 00:00:00.1 and 01:00:00, was 00:00:00.0500000.")]
    [InlineData(-1, 0, 2_592_000_000, "Backfill:ProgressInterval must be between 00:00:00 and 30.00:00:00, was -00:00:00.0010000.")]
    [InlineData(2, 1, 1, "Backfill:ProgressInterval must be between 00:00:00.001 and 00:00:00.001, was 00:00:00.0020000.")]
    public void Duration_OutsideItsBounds_ReadsTheBoundsAsConfigured(long milliseconds, long min, long max, string expected)
    {
        var errors = new List<string>();

        OptionRange.Check(errors, "Backfill:ProgressInterval", TimeSpan.FromMilliseconds(milliseconds), TimeSpan.FromMilliseconds(min), TimeSpan.FromMilliseconds(max));

        Assert.Equal([expected], errors);
    }

    [Fact]
    public void Duration_OnItsBounds_Passes()
    {
        var errors = new List<string>();

        OptionRange.Check(errors, "Trends:RollupInterval", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        OptionRange.Check(errors, "Trends:RollupInterval", TimeSpan.FromDays(1), TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        OptionRange.Positive(errors, "Judge:PollInterval", TimeSpan.FromTicks(1));

        Assert.Empty(errors);
    }

    [Fact]
    public void Positive_Zero_NamesTheKey()
    {
        var errors = new List<string>();

        OptionRange.Positive(errors, "Judge:PollInterval", TimeSpan.Zero);

        Assert.Equal(["Judge:PollInterval must be a positive duration, was 00:00:00."], errors);
    }
}
