using System.Text.Json;
using QualityWatch.Calibration;
using QualityWatch.Statistics;
namespace QualityWatch.Alerting;

/// <summary>
/// <c>sequential</c>: a one-sided Bernoulli CUSUM per stream × prompt_version over verdicts in judged order.
/// p0 is BaselineRate, or learned when a version is first seen from the stream's other versions over
/// BaselineLookback (so a regressed version never teaches its own baseline) and taken BaselineStandardErrors
/// above the estimate (<see cref="LearnedBaseline"/>); p1 is TargetRate or
/// p0 × BaselineMultiplier. The alarm level h follows from FalseAlarmsPer30Days at the stream's current
/// judged-sample rate (over the last 24 h), through <see cref="BernoulliCusum.AlarmLevel"/>. On the corrected rate
/// (<c>Rate</c>, <see cref="RateChoice"/>) the rates are true rates, mapped to the judged scale the verdicts are on
/// with the calibration current when the version starts (<see cref="SequentialRates"/>).
/// </summary>
internal sealed class SequentialRule(CusumStore store, VerdictQueries verdicts, CalibrationReader calibrations, ILogger<SequentialRule> logger) : IAlertRule
{
    private const int BatchSize = 5000;
    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(24);

    public string Kind => AlertRuleKinds.Sequential;

    public async Task<IReadOnlyList<RuleObservation>> ObserveAsync(AlertRuleOptions rule, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var observations = new List<RuleObservation>();
        foreach (var stream in await store.StreamsAsync(now - rule.BaselineLookback, cancellationToken))
        {
            if (RuleStreams.Watches(rule, stream))
            {
                observations.AddRange(await ObserveStreamAsync(rule, stream, now, cancellationToken));
            }
        }

        return observations;
    }

    private async Task<IEnumerable<RuleObservation>> ObserveStreamAsync(AlertRuleOptions rule, string stream, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var window = TimeSpan.FromTicks(Math.Min(RateWindow.Ticks, rule.BaselineLookback.Ticks));
        var (recent, _) = await store.CountAsync(stream, null, now - window, now, cancellationToken);
        var samplesPerHour = Math.Max(1, recent / window.TotalHours);
        var arl0 = BernoulliCusum.Arl0Samples(DeployAnchoredSprt.CusumBudget(rule.FalseAlarmsPer30Days, rule.DeployTestShare), samplesPerHour);
        var deploy = DeploySprt(rule);

        var (states, cursor) = await store.LoadAsync(rule.Name, stream, cancellationToken);
        RateChoice? choice = null;
        var noBaseline = new HashSet<string>(StringComparer.Ordinal);
        var read = false;
        while (true)
        {
            var batch = await store.NextAsync(stream, cursor, now, BatchSize, cancellationToken);
            foreach (var verdict in batch)
            {
                if (!states.TryGetValue(verdict.PromptVersion, out var state))
                {
                    if (noBaseline.Contains(verdict.PromptVersion))
                    {
                        continue;
                    }

                    choice ??= RateChoice.For(rule, await calibrations.ForStreamAsync(stream, cancellationToken));
                    state = await StartAsync(rule, stream, verdict, choice, now, cancellationToken);
                    if (state is null)
                    {
                        noBaseline.Add(verdict.PromptVersion);
                        continue;
                    }

                    states[verdict.PromptVersion] = state;
                }

                state.Add(verdict.Hallucination == 1, BernoulliCusum.AlarmLevel(arl0, state.BaselineRate, state.TargetRate), deploy, verdict.JudgedAt);
            }

            if (batch.Count > 0)
            {
                cursor = batch[^1];
                read = true;
            }

            if (batch.Count < BatchSize)
            {
                break;
            }
        }

        if (read)
        {
            await store.SaveAsync(rule.Name, stream, states.Values, cursor!, cancellationToken);
        }

        var observations = new List<RuleObservation>();
        foreach (var state in states.Values)
        {
            observations.Add(await ObservationAsync(rule, state, BernoulliCusum.AlarmLevel(arl0, state.BaselineRate, state.TargetRate), now, cancellationToken));
        }

        return observations;
    }

    private static DeployAnchoredSprt DeploySprt(AlertRuleOptions rule) =>
        DeployAnchoredSprt.For(rule.FalseAlarmsPer30Days, rule.DeployTestShare, rule.VersionsPerDay, rule.DeployTestSamples);

    private async Task<CusumState?> StartAsync(
        AlertRuleOptions rule, string stream, JudgedVerdict first, RateChoice choice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (choice.Rate == RateBases.Corrected && choice.Calibration is null)
        {
            Log.NoCalibration(logger, rule.Name, stream, first.PromptVersion, choice.Unavailable ?? "");
            return null;
        }

        double? learned = null;
        string source;
        if (rule.BaselineRate is not null)
        {
            source = "configured";
        }
        else
        {
            var (n, k) = await store.CountAsync(stream, first.PromptVersion, now - rule.BaselineLookback, now, cancellationToken);
            if (n < rule.MinBaselineSamples)
            {
                Log.NoBaseline(logger, rule.Name, stream, first.PromptVersion, n, rule.MinBaselineSamples);
                return null;
            }

            learned = LearnedBaseline.Rate(k, n, rule.BaselineStandardErrors);
            source = $"learned: {k}/{n} verdicts of other prompt versions of stream '{stream}' over {Durations.Format(rule.BaselineLookback)}" +
                (rule.BaselineStandardErrors > 0 ? $", p0 = {Durations.Number(rule.BaselineStandardErrors)} standard error(s) above {Durations.Percent((double)k / n)}" : "");
        }

        var calibration = choice.Evidence;
        var (p0, p1, described) = SequentialRates.For(rule, learned, source, calibration);
        return new CusumState
        {
            Rule = rule.Name,
            Stream = stream,
            PromptVersion = first.PromptVersion,
            BaselineRate = p0,
            BaselineSource = described,
            RateBasis = choice.Rate,
            Calibration = calibration is null ? null : JsonSerializer.Serialize(calibration, AlertingJsonContext.Default.EvidenceCalibration),
            TargetRate = p1,
            StartedAt = first.JudgedAt,
            LastJudgedAt = first.JudgedAt,
            DeployOpen = rule.DeployTestShare > 0 ? 1 : 0,
        };
    }

    private async Task<RuleObservation> ObservationAsync(AlertRuleOptions rule, CusumState state, double h, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rate = state.Samples == 0 ? 0 : (double)state.Hallucinations / state.Samples;
        var (lower, upper) = WilsonInterval.For(state.Hallucinations, state.Samples);
        var version = state.PromptVersion.Length == 0 ? "(no prompt_version)" : state.PromptVersion;
        var noTraffic = state.Alarmed == 1 ? await NoTrafficAsync(rule, state, now, cancellationToken) : null;
        var alarmed = state.Alarmed == 1 && noTraffic is null;
        var resolveSummary = ResolveSummary(state, h, version, rate, alarmed, noTraffic);
        var started = DateTimeOffset.FromUnixTimeMilliseconds(state.StartedAt);
        var examples = alarmed
            ? await verdicts.ExamplesAsync(state.Stream, state.PromptVersion, started.AddMilliseconds(-1), now, hallucinatedOnly: true, orderBy: null, cancellationToken)
            : [];
        return new RuleObservation(state.Stream, state.PromptVersion, alarmed, state.Statistic, noTraffic is not null && resolveSummary is { } gone ? gone : Summary(rule, state, h, version, rate), new AlertEvidence
        {
            Rule = rule.Name,
            Kind = Kind,
            Stream = state.Stream,
            PromptVersion = state.PromptVersion,
            Value = state.Statistic,
            Threshold = h,
            WindowStart = started,
            WindowEnd = DateTimeOffset.FromUnixTimeMilliseconds(state.LastJudgedAt),
            Samples = state.Samples,
            Hits = state.Hallucinations,
            Rate = rate,
            WilsonLower = lower,
            WilsonUpper = upper,
            BaselineRate = state.BaselineRate,
            BaselineSource = state.BaselineSource,
            TargetRate = state.TargetRate,
            Statistic = state.Statistic,
            AlarmLevel = h,
            RateBasis = state.RateBasis,
            Calibration = state.Calibration is null ? null : JsonSerializer.Deserialize(state.Calibration, AlertingJsonContext.Default.EvidenceCalibration),
            Detail = $"on the {state.RateBasis} rate; Bernoulli CUSUM {Durations.Percent(state.BaselineRate)} -> {Durations.Percent(state.TargetRate)}; {state.Alarms} alarm(s) for this version; window = verdicts of this version since it started",
            Examples = examples,
        })
        { ResolveSummary = resolveSummary };
    }

    private static string Summary(AlertRuleOptions rule, CusumState state, double h, string version, double rate) =>
        $"prompt_version {version} at {Durations.Percent(rate)} judged ({state.Hallucinations}/{state.Samples}) vs baseline {Durations.Percent(state.BaselineRate)}, " +
        $"CUSUM {Durations.Number(state.Statistic)} {(state.Statistic >= h ? ">=" : "<")} h {Durations.Number(h)}" +
        (state.Alarmed == 1 && state.AlarmedBy == "deploy_test"
            ? $"; deploy-anchored SPRT since {version}'s first verdict {Durations.Number(state.DeployStatistic)} >= {Durations.Number(DeploySprt(rule).Level)}"
            : "");

    /// <summary>What clears a version: the downward CUSUM back at baseline (the test's own resolve level), or its traffic gone; null while neither.</summary>
    private static string? ResolveSummary(CusumState state, double h, string version, double rate, bool alarmed, string? noTraffic) =>
        noTraffic is not null
            ? $"prompt_version {version} no longer receiving traffic ({noTraffic}); last at {Durations.Percent(rate)} judged ({state.Hallucinations}/{state.Samples})"
            : !alarmed && state.Alarms > 0
                ? $"prompt_version {version} back at baseline: the downward CUSUM ({Durations.Percent(state.TargetRate)} -> {Durations.Percent(state.BaselineRate)}) reached h {Durations.Number(h)}; {Durations.Percent(rate)} judged ({state.Hallucinations}/{state.Samples})"
                : null;

    /// <summary>
    /// Why an alarmed version no longer holds its signal, or null while it may: no verdicts of it for NoTrafficAfter
    /// while the stream has verdicts of other versions since its last one (a rollback; a stream gone quiet is not one).
    /// </summary>
    private async Task<string?> NoTrafficAsync(AlertRuleOptions rule, CusumState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var last = DateTimeOffset.FromUnixTimeMilliseconds(state.LastJudgedAt);
        if (now - last < rule.NoTrafficAfter)
        {
            return null;
        }

        var (others, _) = await store.CountAsync(state.Stream, state.PromptVersion, last, now, cancellationToken);
        return others == 0
            ? null
            : $"no verdicts for {Durations.Format(TimeSpan.FromMinutes(Math.Floor((now - last).TotalMinutes)))}, NoTrafficAfter {Durations.Format(rule.NoTrafficAfter)}; {others} verdicts of other versions since";
    }
}
