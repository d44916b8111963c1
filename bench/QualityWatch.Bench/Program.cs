using System.CommandLine;
using System.Globalization;
using QualityWatch.Bench.Calibration;
using QualityWatch.Bench.Canary;
using QualityWatch.Bench.Connections;
using QualityWatch.Bench.WebConsole;
using QualityWatch.Bench.Cost;
using QualityWatch.Bench.Crash;
using QualityWatch.Bench.Dedup;
using QualityWatch.Bench.Detection;
using QualityWatch.Bench.IdRedaction;
using QualityWatch.Bench.Incidents;
using QualityWatch.Bench.Ingest;
using QualityWatch.Bench.IngestLimit;
using QualityWatch.Bench.Judge;
using QualityWatch.Bench.JudgeFaults;
using QualityWatch.Bench.NotifyOutages;
using QualityWatch.Bench.Otlp;
using QualityWatch.Bench.Sequential;
using QualityWatch.Bench.Versions;

// Numbers on the command line and in the reports read the same on every machine.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// One verb per benchmark; each lives in its own folder and writes its own section of bench/RESULTS.md.
var root = new RootCommand("QualityWatch benchmarks: one verb each, writing its own section of bench/RESULTS.md.")
{
    IngestCommand.Command(),
    IngestSuite.Command(),
    IngestLimitCommand.Command(),
    IdRedactionCommand.Command(),
    DedupWindowCommand.Command(),
    JudgeThroughput.Command(),
    JudgeCost.Command(),
    RubricCost.Command(),
    DetectionCommand.Command(),
    FalseAlarmCommand.Command(),
    CrashCommand.Command(),
    JudgeFaultsCommand.Command(),
    ConnectionsCommand.Command(),
    VersionsCommand.Command(),
    NotifyOutagesCommand.Command(),
    OtlpIngestCommand.Command(),
    ConsoleCommand.Command(),
    CalibrationCommand.Command(),
    IncidentsCommand.Command(),
    CanaryCommand.Command(),
};

// A misspelt option or a missing verb must not run a benchmark at its defaults: say why and exit 2.
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine(error.Message);
    }

    Console.Error.WriteLine("See QualityWatch.Bench --help, or QualityWatch.Bench <verb> --help.");
    return 2;
}

return await parsed.InvokeAsync();
