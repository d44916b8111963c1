namespace QualityWatch.Judging;

/// <summary>
/// Keeps the service's <see cref="LeaseOwner"/> alive and reclaims dead owners' leases, from
/// start-up on. Registered before the judge worker, so it stops after the worker gave its leases back.
/// </summary>
internal sealed class LeaseHeartbeat(LeaseOwner owner) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => owner.KeepAliveAsync(stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await owner.RetireAsync(CancellationToken.None);
    }
}
