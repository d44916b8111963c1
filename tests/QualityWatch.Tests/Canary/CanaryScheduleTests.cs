using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Canary;

/// <summary>The canary's schedule is registered whether or not it is enabled; a disabled canary must not stop the service starting.</summary>
public sealed class CanaryScheduleTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public async Task Disabled_TheServiceStartsAndAnswers()
    {
        // Quartz refuses a trigger that can never fire: the earlier "start beyond any horizon" trick failed start-up.
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath, new Dictionary<string, string?> { ["Canary:Enabled"] = "false" });

        using var response = await host.Client.GetAsync(new Uri("/v1/canary", UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
    }

    [Fact]
    public async Task Job_HostStopping_EndsQuietlyInsteadOfThrowing()
    {
        await using var host = await InProcessHost.StartAsync(temp.DatabasePath);
        var job = Microsoft.Extensions.DependencyInjection.ActivatorUtilities.CreateInstance<QualityWatch.Canary.CanaryJob>(host.Services);
        using var stopped = new CancellationTokenSource();
        await stopped.CancelAsync();

        // Quartz logs a job that throws as an unhandled job error; a run cut short by shutdown is not one.
        await job.Execute(null!, stopped.Token);
    }
}
