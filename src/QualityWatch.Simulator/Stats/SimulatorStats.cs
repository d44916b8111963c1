using System.Collections.Concurrent;
using QualityWatch.Simulator.Gemini;

namespace QualityWatch.Simulator.Stats;

/// <summary>
/// What the simulator saw, for tests to assert at the server rather than trust the client:
/// counts per endpoint and served tier, every judge request with its outcome, cache use. Thread-safe.
/// </summary>
public sealed class SimulatorStats
{
    private readonly ConcurrentDictionary<EndpointKind, long> requests = new();
    private readonly ConcurrentDictionary<string, long> servedTiers = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> judgedTexts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Answers, decimal Usd)> billed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> instructions = new(StringComparer.Ordinal);
    private readonly List<DateTimeOffset> timestamps = [];
    private readonly List<RequestRecord> records = [];
    private readonly List<JudgedTruth> judgements = [];
    private readonly Lock gate = new();
    private readonly CacheStore caches;
    private int waiting;

    internal SimulatorStats(CacheStore caches) => this.caches = caches;

    /// <summary>Requests received per endpoint, whatever their outcome.</summary>
    public IReadOnlyDictionary<EndpointKind, long> Requests => requests.ToDictionary();

    /// <summary>Successful (200) generate/chat answers per tier that served them, as the wire names it.</summary>
    public IReadOnlyDictionary<string, long> ServedTiers => servedTiers.ToDictionary(StringComparer.Ordinal);

    /// <summary>Arrival time (simulator TimeProvider) of every generate/chat request, in arrival order.</summary>
    public IReadOnlyList<DateTimeOffset> JudgeRequestTimes
    {
        get
        {
            lock (gate)
            {
                return [.. timestamps];
            }
        }
    }

    /// <summary>Every generate/chat request with model, tiers, status, tokens and fault, in completion order.</summary>
    public IReadOnlyList<RequestRecord> Records
    {
        get
        {
            lock (gate)
            {
                return [.. records];
            }
        }
    }

    /// <summary>Every well-formed verdict given, with the truth beside it, in answer order: judge error as it happened.</summary>
    public IReadOnlyList<JudgedTruth> Judgements
    {
        get
        {
            lock (gate)
            {
                return [.. judgements];
            }
        }
    }

    /// <summary>generateContent requests that referenced a cachedContent.</summary>
    public int CachedContentReferences => Records.Count(r => r.CachedContent is not null);

    /// <summary>The cachedContent names generateContent requests referenced, distinct, in first-use order.</summary>
    public IReadOnlyList<string> CachedContentNames => [.. Records.Select(r => r.CachedContent).OfType<string>().Distinct()];

    /// <summary>Distinct user texts (chatbot samples) that received a verdict.</summary>
    public int DistinctJudgedTexts => judgedTexts.Count;

    /// <summary>The most verdicts any one user text received: 1 when nothing was judged twice.</summary>
    public int MaxVerdictsForOneText => judgedTexts.IsEmpty ? 0 : judgedTexts.Values.Max();

    /// <summary>What the simulator billed, per served tier (<c>batch</c> for batch-job requests): answers and USD.</summary>
    public IReadOnlyDictionary<string, (long Answers, decimal Usd)> Billed => billed.ToDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The distinct Gemini system instructions received, in no order: those of generateContent requests and of created
    /// caches. A client's fixed prompt prefix (QualityWatch's rubric) arrives in one or the other.
    /// </summary>
    public IReadOnlyCollection<string> Instructions => [.. instructions.Keys];

    /// <summary>Names of the caches alive now (expired ones are gone).</summary>
    public IReadOnlyList<string> LiveCaches => [.. caches.Live().Select(c => c.Name)];

    /// <summary>
    /// Requests now held by simulated latency or a hang, on the simulator's clock: a virtual-clock driver
    /// knows the service has settled when every call it has out is one of these.
    /// </summary>
    public int Waiting => Volatile.Read(ref waiting);

    internal void Instructed(IReadOnlyList<string> systemTexts)
    {
        if (systemTexts.Count > 0)
        {
            instructions.TryAdd(string.Concat(systemTexts), 0);
        }
    }

    internal void WaitStarted() => Interlocked.Increment(ref waiting);

    internal void WaitEnded() => Interlocked.Decrement(ref waiting);

    public long Count(EndpointKind kind) => requests.GetValueOrDefault(kind);

    /// <summary>The most generate/chat requests that arrived within any window of the given length.</summary>
    public int MaxRequestsInWindow(TimeSpan window)
    {
        var times = JudgeRequestTimes.Order().ToArray();
        var best = 0;
        for (int start = 0, end = 0; end < times.Length; end++)
        {
            while (times[end] - times[start] >= window)
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    internal void Received(EndpointKind kind, DateTimeOffset at)
    {
        requests.AddOrUpdate(kind, 1, (_, n) => n + 1);
        if (kind is EndpointKind.GenerateContent or EndpointKind.ChatCompletions)
        {
            lock (gate)
            {
                timestamps.Add(at);
            }
        }
    }

    /// <summary>Bills one answer: fresh input, cached input and output (thoughts included) at the tier's share of the list price.</summary>
    internal void Bill(string tier, int promptTokens, int cachedTokens, int outputTokens, SimulatorPrices prices)
    {
        var usd = prices.Cost(tier, promptTokens, cachedTokens, outputTokens);
        billed.AddOrUpdate(tier, (1, usd), (_, b) => (b.Answers + 1, b.Usd + usd));
    }

    internal void Judged(JudgedTruth judged)
    {
        lock (gate)
        {
            judgements.Add(judged);
        }
    }

    internal void Answered(RequestRecord record, string? judgedTextKey)
    {
        if (record.StatusCode == StatusCodes.Status200OK && record.TierServed is { } tier)
        {
            servedTiers.AddOrUpdate(tier, 1, (_, n) => n + 1);
        }

        if (judgedTextKey is not null)
        {
            judgedTexts.AddOrUpdate(judgedTextKey, 1, (_, n) => n + 1);
        }

        lock (gate)
        {
            records.Add(record);
        }
    }
}
