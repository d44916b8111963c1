using System.CommandLine;

namespace QualityWatch.Bench.Shared;

/// <summary>Options of the bench verbs, each with its default, read back by name through <see cref="BenchArgs"/>.</summary>
internal static class BenchOption
{
    public const string ResultsName = "--results";
    public const string NoWriteName = "--no-write";
    public const string ServiceDllName = "--service-dll";

    public static Option<int> Int(string name, int fallback, string description) =>
        new(name) { DefaultValueFactory = _ => fallback, Description = description };

    public static Option<double> Double(string name, double fallback, string description) =>
        new(name) { DefaultValueFactory = _ => fallback, Description = description };

    /// <summary>A duration in seconds (fractions allowed); read with <see cref="BenchArgs.Seconds"/>.</summary>
    public static Option<double> Seconds(string name, double fallback, string description) =>
        Double(name, fallback, description + " (seconds)");

    public static Option<string> String(string name, string fallback, string description) =>
        new(name) { DefaultValueFactory = _ => fallback, Description = description };

    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>Where the verb writes its section; empty: bench/RESULTS.md of the checkout, found only when needed.</summary>
    public static Option<string> Results() =>
        new(ResultsName) { Description = "the results file to write the section to (default: bench/RESULTS.md of this checkout)", HelpName = "PATH" };

    public static Option<bool> NoWrite() => Flag(NoWriteName, "print the section without writing it to the results file");

    public static Option<string> ServiceDll() =>
        new(ServiceDllName) { Description = "the service to run (default: its Release build in this checkout)", HelpName = "PATH" };
}
