namespace QualityWatch.Api;

/// <summary>One bearer key under <c>Auth:Keys</c>.</summary>
internal sealed class ApiKeyOptions
{
    /// <summary>Who holds the key (<c>shipper</c>, <c>grafana</c>); named in errors and logs instead of the key.</summary>
    public string Name { get; set; } = "";

    /// <summary>The secret sent as <c>Authorization: Bearer &lt;key&gt;</c>; at least 16 characters.</summary>
    public string Key { get; set; } = "";

    /// <summary>What the key may do: <c>ingest</c>, <c>read</c>, <c>review</c>, <c>admin</c>; at least one.</summary>
    public List<string> Roles { get; set; } = [];
}
