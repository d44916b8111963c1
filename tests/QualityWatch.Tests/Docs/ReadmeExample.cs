namespace QualityWatch.Tests.Docs;

/// <summary>One curl command of a README shell block (with its continuation lines) and the JSON answer shown under it as <c># {...}</c>.</summary>
internal sealed record ReadmeExample(int Line, string Command, string? ExpectedJson)
{
    public static List<ReadmeExample> Parse(string markdown)
    {
        var lines = markdown.Split('\n');
        var examples = new List<ReadmeExample>();
        var inShell = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && line is "```sh" or "```bash";
                continue;
            }

            if (!inShell || !line.StartsWith("curl ", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            var command = line;
            // A command goes on after a trailing backslash or inside an open single-quoted string.
            while ((command.EndsWith('\\') || command.Count(c => c == '\'') % 2 == 1) && i + 1 < lines.Length)
            {
                command += "\n" + lines[++i].TrimEnd('\r');
            }

            var next = i + 1 < lines.Length ? lines[i + 1].Trim() : "";
            examples.Add(new ReadmeExample(start + 1, command, next.StartsWith("# {", StringComparison.Ordinal) ? next[2..] : null));
        }

        return examples;
    }
}
