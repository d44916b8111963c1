using Microsoft.Extensions.Options;
using QualityWatch.Judging;

namespace QualityWatch.Tests.Judging;

/// <summary>One answer per failure kind, the same for the live worker, backfill and batch collection.</summary>
public sealed class JudgeFailurePolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 15, 30, 0, TimeSpan.Zero);
    private static readonly JudgeFailurePolicy Policy = new(Options.Create(new JudgeOptions { MaxAttempts = 3, AttemptBackoff = TimeSpan.FromSeconds(30) }));

    [Fact]
    public void DailyQuota_PausesUntilTheNextUtcMidnight_AndRefunds()
    {
        var decision = Policy.Decide(JudgeFailureKind.DailyQuota, attempts: 3, retryAfter: null, Now);

        Assert.Equal(JudgeFailureAction.Pause, decision.Action);
        Assert.Equal(new DateTimeOffset(2026, 3, 5, 0, 0, 0, TimeSpan.Zero), decision.Next);
        Assert.True(decision.Refunds);
        Assert.False(decision.Failed);
    }

    [Theory]
    [InlineData("CircuitOpen", 30)]
    [InlineData("Unauthorized", 60)]
    public void JudgeWideFaults_Pause_AndNeverFailASample(string kindName, int seconds)
    {
        var kind = Enum.Parse<JudgeFailureKind>(kindName);
        var decision = Policy.Decide(kind, attempts: 99, retryAfter: null, Now);

        Assert.Equal(JudgeFailureAction.Pause, decision.Action);
        Assert.Equal(Now.AddSeconds(seconds), decision.Next);
        Assert.True(decision.Refunds);
    }

    [Fact]
    public void CacheMissing_IsRefundedAndDueAtOnce()
    {
        Assert.Equal(new JudgeFailureDecision(JudgeFailureAction.Refund, Now), Policy.Decide(JudgeFailureKind.CacheMissing, 3, null, Now));
    }

    [Theory]
    [InlineData("InvalidReply")]
    [InlineData("Transient")]
    [InlineData("RateLimited")]
    [InlineData("Unavailable")]
    [InlineData("Rejected")]
    public void SampleFaults_BackOffPerAttempt_ThenFail(string kindName)
    {
        var kind = Enum.Parse<JudgeFailureKind>(kindName);
        Assert.Equal(new JudgeFailureDecision(JudgeFailureAction.NextAttempt, Now.AddSeconds(30)), Policy.Decide(kind, 1, null, Now));
        Assert.Equal(new JudgeFailureDecision(JudgeFailureAction.NextAttempt, Now.AddSeconds(60)), Policy.Decide(kind, 2, null, Now));
        Assert.Equal(JudgeFailureAction.Failed, Policy.Decide(kind, 3, null, Now).Action);
        Assert.False(Policy.Decide(kind, 3, null, Now).Refunds);
    }

    [Fact]
    public void ProviderAdvice_SetsTheNextAttempt_AndBatchPassesItsOwnMaximum()
    {
        Assert.Equal(Now.AddSeconds(7), Policy.Decide(JudgeFailureKind.RateLimited, 1, TimeSpan.FromSeconds(7), Now).Next);
        Assert.Equal(JudgeFailureAction.Failed, Policy.Decide(JudgeFailureKind.InvalidReply, 1, null, Now, maxAttempts: 1).Action);
    }
}
