using QualityWatch.Alerting;
using QualityWatch.Notifications;

namespace QualityWatch.Tests.Alerting;

/// <summary>The state machine alone: pending for <c>For</c>, firing, repeat after the interval, resolve, and no move on too little data.</summary>
public sealed class AlertLifecycleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly AlertRuleOptions Rule = new()
    {
        Name = "rate-high",
        Kind = "hallucination_rate",
        For = TimeSpan.FromMinutes(10),
        RepeatInterval = TimeSpan.FromHours(4),
    };

    [Fact]
    public void Active_IsPendingUntilFor_ThenFiresOnceWithANotification()
    {
        var pending = AlertLifecycle.Step(Rule, AlertInstance.New(Rule.Name, "default", "", T0), Observation(true), T0);
        Assert.Equal(AlertState.Pending, pending.Instance.State);
        Assert.Null(pending.NotificationKind);
        Assert.Equal((AlertState.Inactive, AlertState.Pending), (pending.Transition!.From, pending.Transition.To));

        var stillPending = AlertLifecycle.Step(Rule, pending.Instance, Observation(true), T0.AddMinutes(9));
        Assert.Equal(AlertState.Pending, stillPending.Instance.State);
        Assert.Null(stillPending.Transition);

        var firing = AlertLifecycle.Step(Rule, stillPending.Instance, Observation(true), T0.AddMinutes(10));
        Assert.Equal(AlertState.Firing, firing.Instance.State);
        Assert.Equal(NotificationKinds.Firing, firing.NotificationKind);
        Assert.Equal(T0.AddMinutes(10), firing.Instance.LastNotifiedAt);
        Assert.Contains("for 10m", firing.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Firing_RepeatsOnlyAfterTheRepeatInterval()
    {
        var firing = Fire();

        Assert.Null(AlertLifecycle.Step(RuleWithoutFor, firing, Observation(true), T0.AddHours(3)).NotificationKind);

        var repeat = AlertLifecycle.Step(RuleWithoutFor, firing, Observation(true), T0.AddHours(4));
        Assert.Equal(NotificationKinds.Repeat, repeat.NotificationKind);
        Assert.StartsWith("repeat: still firing after 4h", repeat.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Firing_ThenInactive_ResolvesWithANotification_OrSilentlyWhenTheRuleSaysSo()
    {
        var firing = Fire();

        var resolved = AlertLifecycle.Step(RuleWithoutFor, firing, Observation(false), T0.AddMinutes(30));
        Assert.Equal(AlertState.Resolved, resolved.Instance.State);
        Assert.Equal(NotificationKinds.Resolved, resolved.NotificationKind);
        Assert.Equal(T0.AddMinutes(30), resolved.Instance.ResolvedAt);

        var quiet = new AlertRuleOptions { Name = Rule.Name, Kind = Rule.Kind, NotifyOnResolve = false, ResolveAfter = TimeSpan.Zero };
        var silent = AlertLifecycle.Step(quiet, firing, Observation(false), T0.AddMinutes(30));
        Assert.Equal(AlertState.Resolved, silent.Instance.State);
        Assert.Null(silent.NotificationKind);
        Assert.NotNull(silent.Transition);
    }

    [Fact]
    public void Pending_ThatClearsBeforeFor_GoesBackToInactiveWithoutANotification()
    {
        var pending = AlertLifecycle.Step(Rule, AlertInstance.New(Rule.Name, "default", "", T0), Observation(true), T0).Instance;

        var cleared = AlertLifecycle.Step(Rule, pending, Observation(false), T0.AddMinutes(5));

        Assert.Equal(AlertState.Inactive, cleared.Instance.State);
        Assert.Null(cleared.NotificationKind);
        Assert.StartsWith("cleared before 10m", cleared.Transition!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TooLittleData_KeepsTheStateButShowsTheCurrentSummary()
    {
        var firing = Fire();

        var step = AlertLifecycle.Step(RuleWithoutFor, firing, Observation(null), T0.AddMinutes(30));

        Assert.Equal(AlertState.Firing, step.Instance.State);
        Assert.Equal("insufficient data", step.Instance.Summary);
        Assert.Null(step.Instance.LastValue);
        Assert.Null(step.Transition);
        Assert.Null(step.NotificationKind);
        Assert.Equal(T0.AddMinutes(30), step.Instance.LastEvaluatedAt);
    }

    [Fact]
    public void Firing_BetweenResolveLevelAndThreshold_HoldsFiringForHours()
    {
        var firing = Fire();
        var band = Observation(false) with { BelowResolveLevel = false };

        var step = AlertLifecycle.Step(RuleWithoutFor, firing, band, T0.AddMinutes(30));
        step = AlertLifecycle.Step(RuleWithoutFor, step.Instance, band, T0.AddHours(3));

        Assert.Equal(AlertState.Firing, step.Instance.State);
        Assert.Null(step.Transition);
        Assert.Null(step.Instance.ClearSince);
        Assert.EndsWith("held firing: above the resolve level", step.Instance.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Firing_ClearShorterThanResolveAfter_Holds_AndAReturnStartsTheWaitAgain()
    {
        var hold = new AlertRuleOptions { Name = Rule.Name, Kind = Rule.Kind, ResolveAfter = TimeSpan.FromMinutes(15) };
        var firing = Fire();

        var clear = AlertLifecycle.Step(hold, firing, Observation(false), T0.AddMinutes(30));
        Assert.Equal(AlertState.Firing, clear.Instance.State);
        Assert.Equal(T0.AddMinutes(30), clear.Instance.ClearSince);
        var back = AlertLifecycle.Step(hold, clear.Instance, Observation(true), T0.AddMinutes(40));
        Assert.Null(back.Instance.ClearSince);
        var again = AlertLifecycle.Step(hold, back.Instance, Observation(false), T0.AddMinutes(50));
        var notYet = AlertLifecycle.Step(hold, again.Instance, Observation(false), T0.AddMinutes(64));
        Assert.Equal(AlertState.Firing, notYet.Instance.State);
        Assert.Null(notYet.NotificationKind);

        var resolved = AlertLifecycle.Step(hold, notYet.Instance, Observation(false), T0.AddMinutes(65));
        Assert.Equal(AlertState.Resolved, resolved.Instance.State);
        Assert.Equal(NotificationKinds.Resolved, resolved.NotificationKind);
        Assert.EndsWith("for 15m", resolved.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Firing_MoreThanMaxFlapsTransitionsInTheWindow_HoldsFiringWithANote()
    {
        var guarded = new AlertRuleOptions { Name = Rule.Name, Kind = Rule.Kind, ResolveAfter = TimeSpan.Zero, MaxFlaps = 2, FlapWindow = TimeSpan.FromHours(6) };
        var firing = Fire();

        var held = AlertLifecycle.Step(guarded, firing, Observation(false), T0.AddMinutes(30), recentTransitions: 3);
        Assert.Equal(AlertState.Firing, held.Instance.State);
        Assert.Null(held.Transition);
        Assert.Contains("held firing by the flap guard: 3 transitions in 6h", held.Instance.Summary, StringComparison.Ordinal);

        var calm = AlertLifecycle.Step(guarded, held.Instance, Observation(false), T0.AddHours(7), recentTransitions: 2);
        Assert.Equal(AlertState.Resolved, calm.Instance.State);
    }

    private static AlertRuleOptions RuleWithoutFor { get; } = new() { Name = Rule.Name, Kind = Rule.Kind, RepeatInterval = Rule.RepeatInterval, ResolveAfter = TimeSpan.Zero };

    private static AlertInstance Fire()
    {
        var step = AlertLifecycle.Step(RuleWithoutFor, AlertInstance.New(Rule.Name, "default", "", T0), Observation(true), T0);
        Assert.Equal(AlertState.Firing, step.Instance.State);
        return step.Instance;
    }

    private static RuleObservation Observation(bool? active) => new(
        "default",
        "",
        active,
        active is null ? null : 0.07,
        active is null ? "insufficient data" : $"rate {(active.Value ? "7%" : "1%")}",
        new AlertEvidence { Rule = Rule.Name, Kind = Rule.Kind, Stream = "default" });
}
