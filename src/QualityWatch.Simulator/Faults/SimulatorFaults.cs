using System.Collections.Concurrent;
using QualityWatch.Simulator.Verdicts;

namespace QualityWatch.Simulator.Faults;

/// <summary>
/// The faults the judge simulator injects into generateContent and chat requests. Thread-safe and
/// changeable while the simulator runs. Per request, in order: the next scripted fault (which
/// bypasses quotas), the daily quota, the per-minute limit, then the probabilistic rates.
/// </summary>
public sealed class SimulatorFaults
{
    private readonly Lock gate = new();
    private readonly Queue<SimulatedFault> script = new();
    private readonly AdmissionWindow admission = new();
    private readonly TimeProvider time;
    private Random random;
    private double rate429, rate503Flex, rate500, malformedRate, hangRate, judgeErrorRate, priorityDowngradeRate;
    private long retryDelayTicks;
    private int requestsPerMinuteLimit = -1, dailyRequestQuota = -1;

    internal SimulatorFaults(TimeProvider time, FaultSettings settings)
    {
        this.time = time;
        random = new Random(settings.Seed);
        Rate429 = settings.Rate429;
        Rate503Flex = settings.Rate503Flex;
        Rate500 = settings.Rate500;
        MalformedRate = settings.MalformedRate;
        HangRate = settings.HangRate;
        JudgeErrorRate = settings.JudgeErrorRate;
        PriorityDowngradeRate = settings.PriorityDowngradeRate;
        RetryDelay = settings.RetryDelay;
        RequestsPerMinuteLimit = settings.RequestsPerMinuteLimit;
        DailyRequestQuota = settings.DailyRequestQuota;
        foreach (var (tier, spec) in settings.Latency)
        {
            Latency[tier] = LatencyDistribution.Parse(spec);
        }
    }

    public double Rate429 { get => Volatile.Read(ref rate429); set => Volatile.Write(ref rate429, Probability(value)); }

    /// <summary>Applies to requests served on the flex tier only.</summary>
    public double Rate503Flex { get => Volatile.Read(ref rate503Flex); set => Volatile.Write(ref rate503Flex, Probability(value)); }

    public double Rate500 { get => Volatile.Read(ref rate500); set => Volatile.Write(ref rate500, Probability(value)); }

    public double MalformedRate { get => Volatile.Read(ref malformedRate); set => Volatile.Write(ref malformedRate, Probability(value)); }

    public double HangRate { get => Volatile.Read(ref hangRate); set => Volatile.Write(ref hangRate, Probability(value)); }

    public double JudgeErrorRate { get => Volatile.Read(ref judgeErrorRate); set => Volatile.Write(ref judgeErrorRate, Probability(value)); }

    public double PriorityDowngradeRate { get => Volatile.Read(ref priorityDowngradeRate); set => Volatile.Write(ref priorityDowngradeRate, Probability(value)); }

    /// <summary>The retry delay random 429s advertise.</summary>
    public TimeSpan RetryDelay
    {
        get => TimeSpan.FromTicks(Volatile.Read(ref retryDelayTicks));
        set => Volatile.Write(ref retryDelayTicks, value >= TimeSpan.Zero ? value.Ticks : throw new ArgumentOutOfRangeException(nameof(value), value, "Must not be negative."));
    }

    /// <summary>Requests admitted per sliding 60 s window; null is unlimited.</summary>
    public int? RequestsPerMinuteLimit { get => Limit(ref requestsPerMinuteLimit); set => SetLimit(ref requestsPerMinuteLimit, value); }

    /// <summary>Requests admitted per UTC day (by the simulator's TimeProvider); null is unlimited.</summary>
    public int? DailyRequestQuota { get => Limit(ref dailyRequestQuota); set => SetLimit(ref dailyRequestQuota, value); }

    /// <summary>Latency per served tier (<c>flex</c>, <c>standard</c>, <c>priority</c>, <c>default</c>), or <c>*</c> for any other. Default none.</summary>
    public ConcurrentDictionary<string, LatencyDistribution> Latency { get; } = new(StringComparer.OrdinalIgnoreCase);

    public int PendingScripted
    {
        get
        {
            lock (gate)
            {
                return script.Count;
            }
        }
    }

    /// <summary>Queues faults for the next generate/chat requests, one request each, first in first out.</summary>
    public void Enqueue(params ReadOnlySpan<SimulatedFault> faults)
    {
        lock (gate)
        {
            foreach (var fault in faults)
            {
                script.Enqueue(fault ?? throw new ArgumentNullException(nameof(faults)));
            }
        }
    }

    public void ClearScript()
    {
        lock (gate)
        {
            script.Clear();
        }
    }

    /// <summary>Restarts the random sequence, so the same traffic meets the same faults.</summary>
    public void Reseed(int seed)
    {
        lock (gate)
        {
            random = new Random(seed);
        }
    }

    internal string ServeTier(string requested, string priority, string fallback)
    {
        lock (gate)
        {
            return requested == priority && random.NextDouble() < PriorityDowngradeRate ? fallback : requested;
        }
    }

    internal FaultDecision Decide(string servedTier, bool flex)
    {
        lock (gate)
        {
            var latency = (Latency.TryGetValue(servedTier, out var d) || Latency.TryGetValue("*", out d)) ? d.Sample(random) : TimeSpan.Zero;
            if (script.TryDequeue(out var fault))
            {
                return new FaultDecision(fault.Kind, FaultCause.Scripted, fault.RetryDelay, latency + fault.Delay, NextJudgeError());
            }

            if (admission.TryAdmit(time.GetUtcNow(), RequestsPerMinuteLimit, DailyRequestQuota) is { } refused)
            {
                return refused;
            }

            // Every rate draws, hit or not, so one rate's change does not reshuffle the others' sequence.
            var draws = (r429: random.NextDouble(), r503: random.NextDouble(), r500: random.NextDouble(),
                hang: random.NextDouble(), malformed: random.NextDouble(), judge: random.NextDouble());
            var kind = draws.r429 < Rate429 ? FaultKind.TooManyRequests
                : flex && draws.r503 < Rate503Flex ? FaultKind.ServiceUnavailable
                : draws.r500 < Rate500 ? FaultKind.InternalError
                : draws.hang < HangRate ? FaultKind.Hang
                : draws.malformed < MalformedRate ? FaultKind.MalformedReply
                : draws.judge < JudgeErrorRate ? FaultKind.WrongShapeVerdict
                : FaultKind.None;
            return kind == FaultKind.None
                ? FaultDecision.None(latency)
                : new FaultDecision(kind, FaultCause.Random, kind == FaultKind.TooManyRequests ? RetryDelay : null, latency, NextJudgeError());
        }
    }

    private JudgeErrorKind NextJudgeError() => (JudgeErrorKind)random.Next(3);

    private static double Probability(double value) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A rate is a probability between 0 and 1.");

    private static int? Limit(ref int field) => Volatile.Read(ref field) is var v && v >= 0 ? v : null;

    private static void SetLimit(ref int field, int? value) =>
        Volatile.Write(ref field, value is null ? -1 : value >= 0 ? value.Value : throw new ArgumentOutOfRangeException(nameof(value), value, "A limit cannot be negative."));
}
