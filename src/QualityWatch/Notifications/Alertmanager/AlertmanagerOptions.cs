namespace QualityWatch.Notifications.Alertmanager;

/// <summary>Prometheus Alertmanager, section <c>Notifications:Alertmanager</c>. Off by default; never sent reports.</summary>
internal sealed class AlertmanagerOptions
{
    public bool Enabled { get; set; }

    /// <summary>Alertmanager root, e.g. <c>http://alertmanager:9093</c>; alerts are POSTed to <c>{Url}/api/v2/alerts</c>.</summary>
    public Uri? Url { get; set; }

    /// <summary>How often a firing alert is sent again so Alertmanager does not expire it. Default 1 min.</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The <c>generatorURL</c> of every alert, e.g. the QualityWatch dashboard. Optional.</summary>
    public Uri? GeneratorUrl { get; set; }

    /// <summary>Timeout of one POST. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
