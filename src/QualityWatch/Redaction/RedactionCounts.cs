namespace QualityWatch.Redaction;
public sealed class RedactionCounts
{
    private readonly Dictionary<string, int> counts = [];
    public IReadOnlyDictionary<string, int> AsDictionary() => counts;
}
