using QualityWatch.Sampling;

namespace QualityWatch.Tests.Sampling;

public sealed class SamplingOptionsValidatorTests
{
    private static IEnumerable<string> Errors(SamplingOptions options) =>
        new SamplingOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void Validate_Defaults_CapVersionsAt200PerStream_AndForgetThemAfter30Days()
    {
        var options = new SamplingOptions();

        Assert.Empty(Errors(options));
        Assert.Equal(200, options.MaxVersionsPerStream);
        Assert.Equal(TimeSpan.FromDays(30), options.ForgetVersionsAfter);
    }

    [Fact]
    public void Validate_VersionCapBelowOne_AndANonPositiveForgetAfter_NameTheirKeys()
    {
        var errors = Errors(new SamplingOptions { MaxVersionsPerStream = 0, ForgetVersionsAfter = TimeSpan.Zero }).ToList();

        Assert.Contains(errors, e => e.StartsWith("Sampling:MaxVersionsPerStream must be >= 1, was 0", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Sampling:ForgetVersionsAfter must be a positive duration", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ForgetAfterShorterThanAStreamsSilentAfter_IsAnError()
    {
        var options = new SamplingOptions { ForgetVersionsAfter = TimeSpan.FromDays(10) };
        options.Streams.Add(new StreamOptions { Name = "support", Match = { ["dataset"] = "s" }, Boost = new BoostOptions { SilentAfter = TimeSpan.FromDays(14) } });

        var error = Assert.Single(Errors(options));

        Assert.StartsWith("Sampling:ForgetVersionsAfter must be at least the longest Boost:SilentAfter (14.00:00:00)", error, StringComparison.Ordinal);
    }
}
