using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using QualityWatch.Telemetry;

namespace QualityWatch.Tests.Telemetry;

public sealed class MetricViewsTests
{
    [Fact]
    public void OwnFactory_GetsBucketsAndRenames_OtherFactoriesAndDisabledAreDropped()
    {
        using var ownProvider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var otherProvider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var own = ownProvider.GetRequiredService<IMeterFactory>();
        var judge = own.Create(QualityWatchMetrics.MeterName).CreateHistogram<double>(QualityWatchMetrics.JudgeDuration);
        var elsewhere = otherProvider.GetRequiredService<IMeterFactory>().Create(QualityWatchMetrics.MeterName).CreateHistogram<double>(QualityWatchMetrics.JudgeDuration);

        var buckets = Assert.IsType<ExplicitBucketHistogramConfiguration>(MetricViews.For(judge, own, enabled: true));
        Assert.Equal(QualityWatchMetrics.JudgeDurationBuckets, buckets.Boundaries);
        Assert.Same(MetricStreamConfiguration.Drop, MetricViews.For(elsewhere, own, enabled: true));
        Assert.Same(MetricStreamConfiguration.Drop, MetricViews.For(judge, own, enabled: false));
    }

    [Fact]
    public void ProcessWideMeters_AreRenamedOrDroppedByName()
    {
        using var provider = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var runtime = new Meter("System.Runtime");
        using var mailKit = new Meter("mailkit.net.smtp");
        var owner = provider.GetRequiredService<IMeterFactory>();

        Assert.Equal("dotnet.assemblies", MetricViews.For(runtime.CreateObservableGauge("dotnet.assembly.count", () => 1L), owner, enabled: true)?.Name);
        Assert.Same(MetricStreamConfiguration.Drop, MetricViews.For(mailKit.CreateHistogram<double>("mailkit.net.smtp.client.operation.duration"), owner, enabled: true));
        Assert.Null(MetricViews.For(runtime.CreateCounter<long>("dotnet.gc.collections"), owner, enabled: true));
    }
}
