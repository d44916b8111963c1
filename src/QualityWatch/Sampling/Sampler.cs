using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace QualityWatch.Sampling;

/// <summary>Decides whether one distinct interaction of a stream is judged.</summary>
public static class Sampler
{
    /// <summary>
    /// Counts the interaction and returns the sample reason, or null when it is not sampled.
    /// Called once per distinct interaction, in ingest order, by the single writer.
    /// </summary>
    public static string? Decide(StreamDefinition stream, StreamCounter counter, string interactionId)
    {
        counter.Counter++;
        var reason = stream.Mode switch
        {
            SamplingMode.Hash => HashFallsInOneIn(interactionId, stream.EveryN) ? SampleReason.Hash : null,
            _ => counter.Counter % stream.EveryN == 0 ? SampleReason.EveryN : null,
        };
        if (reason is not null)
        {
            counter.Sampled++;
        }

        return reason;
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
