namespace QualityWatch.Cli;

/// <summary>The parsed command line: the command, the arguments it gets, and for <see cref="CliCommand.Invalid"/> what is wrong.</summary>
internal sealed record Invocation(CliCommand Command, string[] Arguments, string? Error = null);
