using QualityWatch.Bench;
using QualityWatch.Bench.Detection;

// Benchmarks run against a QualityWatch started separately (the load generator is its own process).
return args.FirstOrDefault() switch
{
    "ingest" => await IngestLoad.RunAsync(args[1..]),
    "detection" => await DetectionCommand.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: " + DetectionCommand.Usage);
    Console.Error.WriteLine("usage: QualityWatch.Bench ingest --url http://127.0.0.1:8080 [--seconds 20] [--connections 8] [--batch 500] [--key KEY]");
    return 2;
}
