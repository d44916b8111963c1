using System.Text;

namespace QualityWatch.Ingestion.Otlp;

/// <summary>A message's text parts joined by newlines; most messages have one part, which is kept as it is.</summary>
internal sealed class MessageText
{
    private string? first;
    private StringBuilder? joined;

    public string? Value => joined?.ToString() ?? first;

    public void Add(string part)
    {
        if (first is null)
        {
            first = part;
            return;
        }

        (joined ??= new StringBuilder(first)).Append('\n').Append(part);
    }
}
