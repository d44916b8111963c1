using QualityWatch.Hosting;

namespace QualityWatch.Tests.Hosting;

public sealed class ShutdownOptionsTests
{
    [Theory]
    [InlineData("00:00:30", "00:00:10", true)]
    [InlineData("00:00:30", "00:00:00", true)]
    [InlineData("00:00:30", "00:00:30", false)]
    [InlineData("00:00:30", "-00:00:01", false)]
    [InlineData("00:00:00.500", "00:00:00", false)]
    [InlineData("00:11:00", "00:00:10", false)]
    public void Validator_WantsATimeoutOf1sTo10Min_AndAJudgeGraceInsideIt(string timeout, string grace, bool valid)
    {
        var options = new ShutdownOptions { Timeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture), JudgeGrace = TimeSpan.Parse(grace, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new ShutdownOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("Shutdown:", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
