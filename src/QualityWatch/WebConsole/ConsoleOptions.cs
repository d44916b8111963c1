namespace QualityWatch.WebConsole;

/// <summary>The web console: its public address, sessions and the trusted reverse proxy. Section <c>Console</c>.</summary>
internal sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    /// <summary>
    /// The console's address as people reach it (<c>https://qualitywatch.example.com</c>). When set, every email,
    /// webhook and Alertmanager <c>generatorURL</c> links to the console's pages under it. Default empty: no links.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>
    /// The request header an authenticating reverse proxy puts the user name in (<c>X-Forwarded-User</c>).
    /// Honoured only from <see cref="TrustedProxies"/>. Default empty: no proxy is trusted.
    /// </summary>
    public string? TrustedUserHeader { get; set; }

    /// <summary>The proxies' addresses, each an IP (<c>10.0.0.5</c>) or a network (<c>10.0.0.0/24</c>). Default empty.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The roles a user named by the trusted proxy gets. Default <c>read</c>, <c>review</c>.</summary>
    public List<string> TrustedUserRoles { get; set; } = [];

    /// <summary>How long a login lasts without a visit (sliding). Default 12 hours.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The roles a proxy user gets: <see cref="TrustedUserRoles"/>, or read + review when none are listed.</summary>
    public IReadOnlyList<string> EffectiveTrustedUserRoles =>
        TrustedUserRoles.Count > 0 ? TrustedUserRoles : [Api.ApiRoles.Read, Api.ApiRoles.Review];
}
