using QualityWatch.Demo;
using QualityWatch.Hosting;

// Composition only: each stage of the data flow registers itself through an AddXyz extension.
return args is ["demo", .. var rest] ? DemoCommand.Run(rest) : QualityWatchApp.Run(args);
