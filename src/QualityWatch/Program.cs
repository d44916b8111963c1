using QualityWatch.Backfill;
using QualityWatch.Demo;
using QualityWatch.Hosting;

// Composition only: each stage of the data flow registers itself through an AddXyz extension.
return args switch
{
    ["demo", .. var rest] => DemoCommand.Run(rest),
    ["backfill", .. var rest] => BackfillCommand.Run(rest),
    _ => QualityWatchApp.Run(args),
};
