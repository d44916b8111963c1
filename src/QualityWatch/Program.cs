using QualityWatch.Backfill;
using QualityWatch.Demo;
using QualityWatch.Health;
using QualityWatch.Hosting;

// Composition only: each stage of the data flow registers itself through an AddXyz extension.
// `QualityWatch healthcheck` is the container's HEALTHCHECK: the aspnet image has no curl.
return args switch
{
    ["demo", .. var rest] => DemoCommand.Run(rest),
    [HealthCheckCommand.Verb, ..] => await HealthCheckCommand.RunAsync(args[1..]),
    ["backfill", .. var rest] => BackfillCommand.Run(rest),
    _ => QualityWatchApp.Run(args),
};
