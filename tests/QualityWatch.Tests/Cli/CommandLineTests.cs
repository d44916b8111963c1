using QualityWatch.Cli;

namespace QualityWatch.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], "Serve")]
    [InlineData(new[] { "--urls", "http://0.0.0.0:8080", "--Storage:DatabasePath", "/data/qw.db" }, "Serve")]
    [InlineData(new[] { "--Sampling:EveryN=50", "Judge:Provider=openai", "/Shutdown:Timeout", "00:01:00" }, "Serve")]
    [InlineData(new[] { "--environment", "Production", "--Sampling:EveryN", "-1" }, "Serve")]
    [InlineData(new[] { "demo", "--speed", "100" }, "Demo")]
    [InlineData(new[] { "backfill", "logs.jsonl", "--dry-run" }, "Backfill")]
    [InlineData(new[] { "export", "--label", "dataset=x", "--output", "x.jsonl" }, "Export")]
    [InlineData(new[] { "help", "export" }, "Export")]
    [InlineData(new[] { "healthcheck", "--ready", "--urls", "http://127.0.0.1:8080" }, "HealthCheck")]
    [InlineData(new[] { "healthcheck", "-h" }, "HealthCheckHelp")]
    [InlineData(new[] { "help", "healthcheck" }, "HealthCheckHelp")]
    [InlineData(new[] { "help" }, "Help")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:0", "--help" }, "Help")]
    [InlineData(new[] { "--version" }, "Version")]
    [InlineData(new[] { "dmeo" }, "Invalid")]
    [InlineData(new[] { "--urls" }, "Invalid")]
    [InlineData(new[] { "--Storage:DatabasePath", "x.db", "extra" }, "Invalid")]
    [InlineData(new[] { "-x" }, "Invalid")]
    [InlineData(new[] { "help", "dmeo" }, "Invalid")]
    public void Parse_TellsTheCommand(string[] args, string expectedName)
    {
        var expected = Enum.Parse<CliCommand>(expectedName);
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
