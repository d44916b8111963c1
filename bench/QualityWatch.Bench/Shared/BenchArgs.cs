using System.CommandLine.Parsing;
using System.CommandLine;
using QualityWatch.Testing;

namespace QualityWatch.Bench.Shared;

/// <summary>
/// One verb's parsed options. The verb's <see cref="Command"/> declares each option with its default
/// (<see cref="BenchOption"/>), so a value read here by name is the given one or that default; a name the
/// command does not declare throws, so a misspelt read fails on the first run instead of reading a default.
/// </summary>
internal sealed class BenchArgs(ParseResult result)
{
    /// <summary>The verb's arguments as given on the command line, for a report's "reproduce" line.</summary>
    public IReadOnlyList<string> Given => [.. result.Tokens.Where(t => t.Type != TokenType.Command).Select(t => t.Value)];

    public string String(string name) => result.GetValue<string>(name) ?? "";

    public int Int(string name) => result.GetValue<int>(name);

    public double Double(string name) => result.GetValue<double>(name);

    /// <summary>A duration given in seconds (fractions allowed).</summary>
    public TimeSpan Seconds(string name) => TimeSpan.FromSeconds(Double(name));

    public bool Flag(string name) => result.GetValue<bool>(name);

    /// <summary>False when <c>--no-write</c> asks to print the section without writing it to the results file.</summary>
    public bool Write => !Flag(BenchOption.NoWriteName);

    /// <summary><c>--results PATH</c>, else bench/RESULTS.md of the checkout; looked up only then, so an explicit path needs no checkout.</summary>
    public string ResultsPath()
    {
        var path = String(BenchOption.ResultsName);
        return path.Length > 0 ? path : ResultsFile.DefaultPath;
    }

    /// <summary>
    /// <c>--service-dll PATH</c>, else the Release build of the service in this checkout; null (with the
    /// reason on stderr) when it is not there, so a verb that runs the service as a child process exits 2.
    /// </summary>
    public string? ServiceDll(string verb)
    {
        var dll = String(BenchOption.ServiceDllName);
        dll = dll.Length > 0 ? dll : Path.Combine(RepoRoot.Path, "src", "QualityWatch", "bin", "Release", "net10.0", "QualityWatch.dll");
        if (File.Exists(dll))
        {
            return dll;
        }

        Console.Error.WriteLine($"{verb}: {dll} not found; build it first: dotnet build -c Release bench/QualityWatch.Bench");
        return null;
    }
}
