using QualityWatch.Cli;

namespace QualityWatch.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], CliCommand.Serve)]
    [InlineData(new[] { "--urls", "http://0.0.0.0:8080", "--Storage:DatabasePath", "/data/qw.db" }, CliCommand.Serve)]
    [InlineData(new[] { "--Sampling:EveryN=50", "Judge:Provider=openai", "/Shutdown:Timeout", "00:01:00" }, CliCommand.Serve)]
    [InlineData(new[] { "--environment", "Production", "--Sampling:EveryN", "-1" }, CliCommand.Serve)]
    [InlineData(new[] { "demo", "--speed", "100" }, CliCommand.Demo)]
    [InlineData(new[] { "backfill", "logs.jsonl", "--dry-run" }, CliCommand.Backfill)]
    [InlineData(new[] { "export", "--label", "dataset=x", "--output", "x.jsonl" }, CliCommand.Export)]
    [InlineData(new[] { "help", "export" }, CliCommand.Export)]
    [InlineData(new[] { "healthcheck", "--ready", "--urls", "http://127.0.0.1:8080" }, CliCommand.HealthCheck)]
    [InlineData(new[] { "healthcheck", "-h" }, CliCommand.HealthCheckHelp)]
    [InlineData(new[] { "help", "healthcheck" }, CliCommand.HealthCheckHelp)]
    [InlineData(new[] { "help" }, CliCommand.Help)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:0", "--help" }, CliCommand.Help)]
    [InlineData(new[] { "--version" }, CliCommand.Version)]
    [InlineData(new[] { "dmeo" }, CliCommand.Invalid)]
    [InlineData(new[] { "--urls" }, CliCommand.Invalid)]
    [InlineData(new[] { "--Storage:DatabasePath", "x.db", "extra" }, CliCommand.Invalid)]
    [InlineData(new[] { "-x" }, CliCommand.Invalid)]
    [InlineData(new[] { "help", "dmeo" }, CliCommand.Invalid)]
    public void Parse_TellsTheCommand(string[] args, CliCommand expected)
    {
        Assert.Equal(expected, CommandLine.Parse(args).Command);
    }

    [Fact]
    public void Parse_Service_PassesEveryArgumentOnAsConfiguration()
    {
        string[] args = ["--urls", "http://127.0.0.1:0", "--Storage:DatabasePath", "qw.db"];

        Assert.Equal(args, CommandLine.Parse(args).Arguments);
    }

    [Fact]
    public void Parse_HelpDemo_RunsTheDemoHelp()
    {
        var invocation = CommandLine.Parse(["help", "demo"]);

        Assert.Equal(CliCommand.Demo, invocation.Command);
        Assert.Equal(["--help"], invocation.Arguments);
    }

    [Theory]
    [InlineData("dmeo", "demo")]
    [InlineData("healtcheck", "healthcheck")]
    [InlineData("backfil", "backfill")]
    [InlineData("exprot", "export")]
    [InlineData("hlep", "help")]
    [InlineData("serve", null)]
    public void Closest_SuggestsAVerbWithinTwoEdits(string typed, string? expected)
    {
        Assert.Equal(expected, Suggestions.Closest(typed, CommandLine.Verbs));
    }
}
