using System.Text;

namespace QualityWatch.Bench.Shared;

/// <summary>A plain markdown table: the first <c>labelColumns</c> columns are left-aligned labels, the rest right-aligned figures.</summary>
internal sealed class MarkdownTable(IReadOnlyList<string> headers, int labelColumns = 1)
{
    private readonly List<IReadOnlyList<string>> rows = [];

    public void Add(params IReadOnlyList<string> cells)
    {
        if (cells.Count != headers.Count)
        {
            throw new ArgumentException($"{cells.Count} cells for {headers.Count} columns.", nameof(cells));
        }

        rows.Add(cells);
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        text.Append('|').AppendJoin('|', headers.Select((_, i) => i < labelColumns ? "---" : "---:")).Append("|\n");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).Append(" |\n");
        }

        return text.ToString();
    }
}
