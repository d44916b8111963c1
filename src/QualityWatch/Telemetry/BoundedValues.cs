namespace QualityWatch.Telemetry;

/// <summary>
/// The first <c>capacity</c> distinct values of one label, each mapped to its label text once; every
/// later value is <see cref="LabelLimits.Other"/>. Thread-safe; only admitted values are kept.
/// </summary>
internal sealed class BoundedValues(int capacity)
{
    private readonly Dictionary<string, string> admitted = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    public string Admit(string value, Func<string, string> toLabel)
    {
        lock (gate)
        {
            if (admitted.TryGetValue(value, out var label))
            {
                return label;
            }

            if (admitted.Count >= capacity)
            {
                return LabelLimits.Other;
            }

            label = toLabel(value);
            admitted[value] = label;
            return label;
        }
    }
}
