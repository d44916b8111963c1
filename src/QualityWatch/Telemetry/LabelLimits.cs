using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using QualityWatch.Redaction;

namespace QualityWatch.Telemetry;

/// <summary>
/// Keeps every label value in a small set, so that a chatbot sending a new prompt_version per request
/// (or a misconfiguration) cannot grow the number of series without bound: the first N streams and the
/// first M prompt versions of each stream keep their names, later ones are counted under <c>other</c>.
/// </summary>
internal sealed class LabelLimits
{
    /// <summary>The label value every value past a cap is folded into.</summary>
    public const string Other = "other";

    /// <summary>The label value of an interaction sent without a prompt_version.</summary>
    public const string None = "none";

    /// <summary>Values longer than this are cut: a label is a name, not a payload.</summary>
    public const int MaxLength = 64;

    // Channels, PII types and judge models come from configuration; the caps only guard against a mistake.
    private const int MaxConfigured = 50;

    private readonly MetricsOptions options;
    private readonly Redactor redactor;
    private readonly BoundedValues streams;
    private readonly ConcurrentDictionary<string, BoundedValues> versions = new(StringComparer.Ordinal);
    private readonly BoundedValues piiTypes = new(MaxConfigured);
    private readonly BoundedValues channels = new(MaxConfigured);
    private readonly BoundedValues models = new(MaxConfigured);

    public LabelLimits(IOptions<MetricsOptions> options, Redactor redactor)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.redactor = redactor;
        streams = new BoundedValues(this.options.MaxStreams);
    }

    public string Stream(string stream) => streams.Admit(stream, Cut);

    /// <summary>
    /// The prompt_version label within a stream. prompt_version is free text from the chatbot, so it is
    /// redacted like any other field before it can become a label.
    /// </summary>
    public string PromptVersion(string stream, string? promptVersion)
    {
        if (string.IsNullOrEmpty(promptVersion))
        {
            return None;
        }

        var set = versions.GetOrAdd(Stream(stream), _ => new BoundedValues(options.MaxPromptVersionsPerStream));
        return set.Admit(promptVersion, value => Cut(redactor.Redact(value, new RedactionCounts())));
    }

    public string PiiType(string type) => piiTypes.Admit(type, Cut);

    public string Channel(string channel) => channels.Admit(channel, Cut);

    public string Model(string model) => models.Admit(model, Cut);

    private static string Cut(string value) => value.Length <= MaxLength ? value : value[..MaxLength];
}
