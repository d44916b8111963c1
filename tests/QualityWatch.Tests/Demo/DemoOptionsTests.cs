using QualityWatch.Demo;

namespace QualityWatch.Tests.Demo;

public sealed class DemoOptionsTests
{
    [Fact]
    public void NoArguments_GiveTheDocumentedDay()
    {
        var options = DemoOptions.Parse([], out var error);

        Assert.Null(error);
        Assert.NotNull(options);
        Assert.Equal(720, options.Speed);
        Assert.Equal(24, options.Hours);
        Assert.Equal(12, options.ChangeAtHour);
        Assert.Equal(0.02, options.RateBefore);
        Assert.Equal(0.08, options.RateAfter);
        Assert.False(options.KeepRunning);
    }

    [Fact]
    public void EveryOption_IsRead()
    {
        var options = DemoOptions.Parse(
            ["--speed", "3600", "--hours", "6", "--rate", "1200", "--every", "5", "--change-at", "2", "--before", "0.01", "--after", "0.2", "--seed", "3", "--database", "x.db", "--urls", "http://127.0.0.1:0", "--keep-running"],
            out var error);

        Assert.Null(error);
        Assert.Equal(
            new DemoOptions { Speed = 3600, Hours = 6, RatePerHour = 1200, EveryN = 5, ChangeAtHour = 2, RateBefore = 0.01, RateAfter = 0.2, Seed = 3, DatabasePath = "x.db", Urls = "http://127.0.0.1:0", KeepRunning = true },
            options);
    }

    [Theory]
    [InlineData(new[] { "--speed" }, "--speed needs a value.")]
    [InlineData(new[] { "--speed", "fast" }, "--speed must be a number from 1 to 1000000, was 'fast'.")]
    [InlineData(new[] { "--after", "8" }, "--after must be a number from 0 to 1, was '8'.")]
    [InlineData(new[] { "--colour", "red" }, "unknown option '--colour'.")]
    [InlineData(new[] { "stray" }, "unknown argument 'stray'.")]
    [InlineData(new[] { "--hours", "6", "--change-at", "6" }, "--change-at (6) must be before the end of the traffic (--hours 6).")]
    public void BadArguments_AreNamed(string[] args, string expected)
    {
        Assert.Null(DemoOptions.Parse(args, out var error));
        Assert.Equal(expected, error);
    }
}
