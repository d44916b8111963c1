using Microsoft.Extensions.Options;

namespace QualityWatch.Sampling;

/// <summary>Puts an interaction in the first configured stream its labels match, else in <c>default</c>.</summary>
internal sealed class StreamRouter
{
    private readonly StreamDefinition[] streams;

    public StreamRouter(IOptions<SamplingOptions> options)
    {
        var sampling = options.Value;
        streams = [.. sampling.Streams.Select(s => new StreamDefinition(s.Name, new Dictionary<string, string>(s.Match, StringComparer.Ordinal), s.EveryN, s.Mode) { Boost = s.Boost ?? sampling.Boost, Budget = s.Budget ?? sampling.Budget })];
        Default = new StreamDefinition(SamplingOptions.DefaultStream, new Dictionary<string, string>(), sampling.EveryN, sampling.Mode) { Boost = sampling.Boost, Budget = sampling.Budget };
    }

    public StreamDefinition Default { get; }

    public StreamDefinition Route(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var stream in streams)
        {
            if (stream.Matches(labels))
            {
                return stream;
            }
        }

        return Default;
    }
}
