using QualityWatch.Judging;

namespace QualityWatch.Tests.Judging;

public sealed class JudgeOptionsValidatorTests
{
    [Fact]
    public void Defaults_AreValid() => Assert.True(new JudgeOptionsValidator().Validate(null, new JudgeOptions()).Succeeded);

    [Fact]
    public void OwnerTimeout_ShorterThanTwoHeartbeats_FailsNamingTheKey()
    {
        var result = new JudgeOptionsValidator().Validate(null, new JudgeOptions { HeartbeatInterval = TimeSpan.FromSeconds(30), OwnerTimeout = TimeSpan.FromSeconds(45) });

        Assert.Contains(result.Failures!, f => f.StartsWith("Judge:OwnerTimeout must be at least twice Judge:HeartbeatInterval", StringComparison.Ordinal));
    }

    [Fact]
    public void HeartbeatInterval_Zero_FailsNamingTheKey()
    {
        var result = new JudgeOptionsValidator().Validate(null, new JudgeOptions { HeartbeatInterval = TimeSpan.Zero });

        Assert.Contains(result.Failures!, f => f.StartsWith("Judge:HeartbeatInterval must be a positive duration", StringComparison.Ordinal));
    }
}
