using QualityWatch.Backfill;
using QualityWatch.Cli;
using QualityWatch.Demo;
using QualityWatch.Export;
using QualityWatch.Health;
using QualityWatch.Hosting;

// Composition only: the command line is read first (help, version and typos never open the
// database), then each stage of the data flow registers itself through an AddXyz extension.
// `QualityWatch healthcheck` is the container's HEALTHCHECK: the aspnet image has no curl.
var invocation = CommandLine.Parse(args);
return invocation.Command switch
{
    CliCommand.Help => Usage.Help(Console.Out),
    CliCommand.HealthCheckHelp => Usage.HealthCheckHelp(Console.Out),
    CliCommand.Version => Usage.PrintVersion(Console.Out),
    CliCommand.Invalid => Usage.Invalid(Console.Error, invocation.Error),
    CliCommand.Demo => DemoCommand.Run(invocation.Arguments),
    CliCommand.HealthCheck => await HealthCheckCommand.RunAsync(invocation.Arguments),
    CliCommand.Backfill => BackfillCommand.Run(invocation.Arguments),
    CliCommand.Export => ExportCommand.Run(invocation.Arguments),
    _ => QualityWatchApp.Run(invocation.Arguments),
};
