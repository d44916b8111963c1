namespace QualityWatch.Redaction;
public sealed class Redactor
{
    public string Redact(string text, RedactionCounts counts) => text;
}
