using QualityWatch.Bench.Connections;
using QualityWatch.Bench.Cost;
using QualityWatch.Bench.Crash;
using QualityWatch.Bench.Dedup;
using QualityWatch.Bench.Detection;
using QualityWatch.Bench.Ingest;
using QualityWatch.Bench.Judge;
using QualityWatch.Bench.JudgeFaults;
using QualityWatch.Bench.NotifyOutages;
using QualityWatch.Bench.Sequential;
using QualityWatch.Bench.Versions;

// One verb per benchmark; each lives in its own folder and writes its own section of bench/RESULTS.md.
return args.FirstOrDefault() switch
{
    "ingest" => await IngestCommand.RunAsync(args[1..]),
    "ingest-suite" => await IngestSuite.RunAsync(args[1..]),
    "dedup-window" => await DedupWindowCommand.RunAsync(args[1..]),
    "judge" => await JudgeThroughput.RunAsync(args[1..]),
    "cost" => await JudgeCost.RunAsync(args[1..]),
    "detection" => await DetectionCommand.RunAsync(args[1..]),
    "false-alarms" => FalseAlarmCommand.Run(args[1..]),
    "crash" => await CrashCommand.RunAsync(args[1..]),
    "judge-faults" => await JudgeFaultsCommand.RunAsync(args[1..]),
    "connections" => await ConnectionsCommand.RunAsync(args[1..]),
    "versions" => await VersionsCommand.RunAsync(args[1..]),
    "notify-outages" => await NotifyOutagesCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: QualityWatch.Bench <verb> [options]");
    Console.Error.WriteLine("  " + IngestCommand.Usage);
    Console.Error.WriteLine("  " + IngestSuite.Usage);
    Console.Error.WriteLine("  " + DedupWindowCommand.Usage);
    Console.Error.WriteLine("  " + JudgeThroughput.Usage);
    Console.Error.WriteLine("  " + JudgeCost.Usage);
    Console.Error.WriteLine("  " + DetectionCommand.Usage);
    Console.Error.WriteLine("  " + FalseAlarmCommand.Usage);
    Console.Error.WriteLine("  " + CrashCommand.Usage);
    Console.Error.WriteLine("  " + JudgeFaultsCommand.Usage);
    Console.Error.WriteLine("  " + ConnectionsCommand.Usage);
    Console.Error.WriteLine("  " + VersionsCommand.Usage);
    Console.Error.WriteLine("  " + NotifyOutagesCommand.Usage);
    return 2;
}
