using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace QualityWatch.Sampling;

/// <summary>Decides whether one distinct interaction of a stream is judged.</summary>
internal static class Sampler
{
    /// <summary>
    /// Counts the interaction and returns why it is sampled, or null when it is not. An interaction of a
    /// boosting version is sampled by that version's own counter at the boost rate instead of the
    /// stream's routine rate. Called once per distinct interaction, in ingest order, by the single writer.
    /// </summary>
    public static SampleDecision? Decide(StreamDefinition stream, StreamCounter counter, IReadOnlyList<VersionState> versions, string interactionId, long nowMs)
    {
        counter.Counter++;
        var budget = stream.Budget;
        if (budget.Enabled)
        {
            counter.Pace.Count(nowMs);
        }

        // A "boost" slower than the stream's own routine rate would sample a new version less: skip it.
        var boosts = stream.Boost.Enabled && (budget.Enabled || stream.Boost.EveryN < stream.EveryN);
        var boosting = boosts ? FirstBoosting(versions, nowMs, stream.Boost) : null;
        if (boosting is not null)
        {
            boosting.BoostCounter++;
            var hit = stream.Mode == SamplingMode.Hash
                ? HashFallsInOneIn(interactionId, stream.Boost.EveryN)
                : boosting.BoostCounter % stream.Boost.EveryN == 0;
            // A boost never breaks the day's budget: its spend comes out of the routine rate, and past the budget it stops.
            if (!hit || (budget.Enabled && !counter.Pace.TrySpendBoost(budget)))
            {
                return null;
            }

            boosting.BoostSampled++;
            counter.Sampled++;
            return new SampleDecision(SampleReason.Boost, stream.Boost.JudgeTier);
        }

        var reason = stream.Mode switch
        {
            _ when budget.Enabled => counter.Pace.TakeRoutine(budget, stream.EveryN, nowMs) ? SampleReason.EveryN : null,
            SamplingMode.Hash => HashFallsInOneIn(interactionId, stream.EveryN) ? SampleReason.Hash : null,
            _ => counter.Counter % stream.EveryN == 0 ? SampleReason.EveryN : null,
        };
        if (reason is null)
        {
            return null;
        }

        counter.Sampled++;
        return new SampleDecision(reason, null);
    }

    // A loop, not FirstOrDefault with a lambda: no closure or enumerator per interaction on the writer's thread.
    private static VersionState? FirstBoosting(IReadOnlyList<VersionState> versions, long nowMs, BoostOptions boost)
    {
        for (var i = 0; i < versions.Count; i++)
        {
            if (versions[i].Boosting(nowMs, boost))
            {
                return versions[i];
            }
        }

        return null;
    }

    /// <summary>
    /// The first 8 bytes of SHA-256 over the UTF-8 id, big-endian, modulo N: stable across
    /// processes, machines and .NET versions (string.GetHashCode is randomized per process).
    /// </summary>
    public static bool HashFallsInOneIn(string interactionId, int everyN)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var maxBytes = Encoding.UTF8.GetMaxByteCount(interactionId.Length);
        var buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(interactionId, buffer);
        SHA256.HashData(buffer[..length], hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)everyN == 0;
    }
}
