using System.CommandLine;

namespace QualityWatch.Bench.Shared;

/// <summary>Builds a verb's <see cref="Command"/>: its options, and the action that runs it on the parsed values.</summary>
internal static class BenchVerb
{
    public static Command Create(string name, string description, Func<BenchArgs, Task<int>> run, params Option[] options)
    {
        var command = new Command(name, description);
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        command.SetAction((result, _) => run(new BenchArgs(result)));
        return command;
    }

    public static Command Create(string name, string description, Func<BenchArgs, int> run, params Option[] options) =>
        Create(name, description, a => Task.FromResult(run(a)), options);
}
