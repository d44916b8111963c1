using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace QualityWatch.Telemetry;

/// <summary>
/// Every QualityWatch metric: the meter, the instrument names and units (the Prometheus exporter turns
/// <c>qualitywatch.judge.duration</c> in <c>s</c> into <c>qualitywatch_judge_duration_seconds</c>), the
/// histogram buckets, and one method per thing that happened. Label values come from closed sets or
/// pass through <see cref="LabelLimits"/>; no payload text, key or id ever becomes a label.
/// </summary>
internal sealed class QualityWatchMetrics
{
    public const string MeterName = "QualityWatch";

    public const string InteractionsReceived = "qualitywatch.interactions.received";
    public const string InteractionsDuplicates = "qualitywatch.interactions.duplicates";
    public const string InteractionsRejected = "qualitywatch.interactions.rejected";
    public const string SamplesTaken = "qualitywatch.samples.taken";
    public const string SamplesFailed = "qualitywatch.samples.failed";
    public const string PiiRedactions = "qualitywatch.pii.redactions";
    public const string IngestQueueRequests = "qualitywatch.ingest.queue.requests";
    public const string IngestCommitDuration = "qualitywatch.ingest.commit.duration";
    public const string IngestCommitRequests = "qualitywatch.ingest.commit.requests";
    public const string IngestCommitInteractions = "qualitywatch.ingest.commit.interactions";
    public const string JudgeRequests = "qualitywatch.judge.requests";
    public const string JudgeDuration = "qualitywatch.judge.duration";
    public const string JudgeTokens = "qualitywatch.judge.tokens";
    public const string JudgeCost = "qualitywatch.judge.cost.usd";
    public const string Verdicts = "qualitywatch.verdicts";
    public const string VerdictAccuracy = "qualitywatch.verdict.accuracy";
    public const string VerdictTone = "qualitywatch.verdict.tone";
    public const string QueueSamples = "qualitywatch.queue.samples";
    public const string QueueOldestAge = "qualitywatch.queue.oldest_age";
    public const string HallucinationRate = "qualitywatch.hallucination.ratio";
    public const string HallucinationCorrectedRate = "qualitywatch.hallucination.corrected_ratio";
    public const string HallucinationThreshold = "qualitywatch.hallucination.threshold_ratio";
    public const string HallucinationWindowVerdicts = "qualitywatch.hallucination.window_verdicts";
    public const string AlertInstances = "qualitywatch.alert.instances";
    public const string Notifications = "qualitywatch.notifications";
    public const string SamplingEveryN = "qualitywatch.sampling.every_n";
    public const string BudgetUsed = "qualitywatch.budget.used_ratio";
    public const string ComponentUp = "qualitywatch.component.up";
    public const string VersionsFolded = "qualitywatch.sampling.versions_folded";
    public const string CanaryAgreement = "qualitywatch.judge.canary.agreement_ratio";
    public const string CanarySensitivity = "qualitywatch.judge.canary.sensitivity_ratio";
    public const string CanarySpecificity = "qualitywatch.judge.canary.specificity_ratio";
    public const string CanaryDrift = "qualitywatch.judge.canary.drift";

    /// <summary>Judge calls take milliseconds in standard tier and up to many minutes in Flex.</summary>
    public static IReadOnlyList<double> JudgeDurationBuckets { get; } = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1200];

    /// <summary>An fsynced SQLite group commit: sub-millisecond on tmpfs, tens of milliseconds on slow disks.</summary>
    public static IReadOnlyList<double> CommitDurationBuckets { get; } = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

    public static IReadOnlyList<double> CommitSizeBuckets { get; } = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 20000];

    /// <summary>Scores are integers 1–5: one bucket per score.</summary>
    public static IReadOnlyList<double> ScoreBuckets { get; } = [1, 2, 3, 4, 5];

    private readonly LabelLimits labels;
    private readonly Counter<long> received;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> rejected;
    private readonly Counter<long> sampled;
    private readonly Counter<long> failed;
    private readonly Counter<long> redactions;
    private readonly UpDownCounter<long> ingestQueue;
    private readonly Histogram<double> commitDuration;
    private readonly Histogram<int> commitRequests;
    private readonly Histogram<int> commitInteractions;
    private readonly Counter<long> judgeRequests;
    private readonly Histogram<double> judgeDuration;
    private readonly Counter<long> judgeTokens;
    private readonly Counter<double> judgeCost;
    private readonly Counter<long> verdicts;
    private readonly Histogram<int> accuracy;
    private readonly Histogram<int> tone;
    private readonly Counter<long> notifications;

    /// <param name="meterFactory">This host's meter factory.</param>
    /// <param name="labels">The caps on label values.</param>
    /// <param name="state">The shared read behind the database-backed gauges.</param>
    /// <param name="gauges">Every feature's observable gauges, registered on this meter once.</param>
    public QualityWatchMetrics(IMeterFactory meterFactory, LabelLimits labels, StateReads state, IEnumerable<IMetricGauges> gauges)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        ArgumentNullException.ThrowIfNull(gauges);
        this.labels = labels;
        var meter = meterFactory.Create(MeterName);
        received = meter.CreateCounter<long>(InteractionsReceived, "{interaction}", "New interactions committed (duplicates excluded)");
        duplicates = meter.CreateCounter<long>(InteractionsDuplicates, "{interaction}", "Re-sent interaction ids within the dedup window");
        rejected = meter.CreateCounter<long>(InteractionsRejected, "{interaction}", "Items of a batch refused by validation");
        sampled = meter.CreateCounter<long>(SamplesTaken, "{sample}", "Interactions sampled for judging, by why");
        failed = meter.CreateCounter<long>(SamplesFailed, "{sample}", "Samples that ran out of judge attempts");
        redactions = meter.CreateCounter<long>(PiiRedactions, "{redaction}", "PII items replaced by placeholders in stored samples");
        ingestQueue = meter.CreateUpDownCounter<long>(IngestQueueRequests, "{request}", "Ingest requests waiting for the SQLite writer");
        commitDuration = meter.CreateHistogram<double>(IngestCommitDuration, "s", "Time of one SQLite group commit, fsync included");
        commitRequests = meter.CreateHistogram<int>(IngestCommitRequests, "{request}", "Requests sharing one group commit");
        commitInteractions = meter.CreateHistogram<int>(IngestCommitInteractions, "{interaction}", "Interactions in one group commit");
        judgeRequests = meter.CreateCounter<long>(JudgeRequests, "{request}", "Judge calls (HTTP retries inside one call not counted), by outcome");
        judgeDuration = meter.CreateHistogram<double>(JudgeDuration, "s", "Judge call latency, retries included");
        judgeTokens = meter.CreateCounter<long>(JudgeTokens, "{token}", "Judge tokens as the provider reported them; prompt includes cached");
        judgeCost = meter.CreateCounter<double>(JudgeCost, "{USD}", "Estimated judge spend in US dollars");
        verdicts = meter.CreateCounter<long>(Verdicts, "{verdict}", "Verdicts committed");
        accuracy = meter.CreateHistogram<int>(VerdictAccuracy, "{score}", "Accuracy score 1-5 of committed verdicts");
        tone = meter.CreateHistogram<int>(VerdictTone, "{score}", "Tone score 1-5 of committed verdicts");
        notifications = meter.CreateCounter<long>(Notifications, "{notification}", "Notification delivery attempts by channel and outcome");

        var context = new GaugeContext(meter, labels, state);
        foreach (var gauge in gauges)
        {
            gauge.Register(context);
        }
    }

    public void RecordReceived(string stream, long count) => Add(received, count, new TagList { { "stream", labels.Stream(stream) } });

    public void RecordDuplicates(string stream, long count) => Add(duplicates, count, new TagList { { "stream", labels.Stream(stream) } });

    public void RecordRejected(string stream, long count) => Add(rejected, count, new TagList { { "stream", labels.Stream(stream) } });

    /// <summary><paramref name="reason"/> is a sampling reason (<c>SampleReason</c>: every_n, hash, boost, ...).</summary>
    public void RecordSampled(string stream, string reason, long count) =>
        Add(sampled, count, new TagList { { "stream", labels.Stream(stream) }, { "reason", reason } });

    public void RecordSampleFailed(string stream) => failed.Add(1, new TagList { { "stream", labels.Stream(stream) } });

    /// <summary><paramref name="type"/> is a <see cref="Redaction.PiiTypes"/> key or a configured custom pattern name.</summary>
    public void RecordRedactions(string type, long count) => Add(redactions, count, new TagList { { "type", labels.PiiType(type) } });

    public void IngestQueued(int requests) => ingestQueue.Add(requests);

    public void RecordCommit(TimeSpan duration, int requests, int interactions)
    {
        commitDuration.Record(duration.TotalSeconds);
        commitRequests.Record(requests);
        commitInteractions.Record(interactions);
    }

    /// <summary>
    /// One judge call: its outcome, latency, and the tokens and cost it was billed. <paramref name="tier"/> and
    /// <paramref name="outcome"/> are labels from the judge's closed sets (Judging's <c>JudgeMetricLabels</c>).
    /// </summary>
    public void RecordJudgeCall(string provider, string model, string tier, string outcome, TimeSpan duration, (long Prompt, long Cached, long Output, long Thinking) tokens, decimal costUsd)
    {
        var call = new TagList { { "provider", provider }, { "tier", tier }, { "outcome", outcome } };
        judgeRequests.Add(1, call);
        judgeDuration.Record(duration.TotalSeconds, call);
        var modelLabel = labels.Model(model);
        AddTokens(provider, modelLabel, "prompt", tokens.Prompt);
        AddTokens(provider, modelLabel, "cached", tokens.Cached);
        AddTokens(provider, modelLabel, "output", tokens.Output);
        AddTokens(provider, modelLabel, "thinking", tokens.Thinking);
        if (costUsd > 0)
        {
            judgeCost.Add((double)costUsd, new TagList { { "provider", provider }, { "model", modelLabel } });
        }
    }

    public void RecordVerdict(string stream, string? promptVersion, int accuracyScore, int toneScore, bool hallucination)
    {
        var cell = new TagList { { "stream", labels.Stream(stream) }, { "prompt_version", labels.PromptVersion(stream, promptVersion) } };
        accuracy.Record(accuracyScore, cell);
        tone.Record(toneScore, cell);
        cell.Add("hallucination", hallucination ? "yes" : "no");
        verdicts.Add(1, cell);
    }

    /// <summary>
    /// One notification delivery attempt. <paramref name="channel"/> is the channel's name (<c>email</c>,
    /// <c>webhook:{name}</c>, <c>alertmanager</c>); <paramref name="outcome"/> one of <see cref="NotificationOutcomes"/>.
    /// </summary>
    public void RecordNotification(string channel, string outcome)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var label = NotificationOutcomes.IsKnown(outcome) ? outcome : LabelLimits.Other;
        notifications.Add(1, new TagList { { "channel", labels.Channel(channel) }, { "outcome", label } });
    }

    private void AddTokens(string provider, string model, string type, long tokens) =>
        Add(judgeTokens, tokens, new TagList { { "provider", provider }, { "model", model }, { "type", type } });

    private static void Add(Counter<long> counter, long count, in TagList tags)
    {
        // A zero add would create an empty series for a label set that saw nothing.
        if (count > 0)
        {
            counter.Add(count, tags);
        }
    }
}
