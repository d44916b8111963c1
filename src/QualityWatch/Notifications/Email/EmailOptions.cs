namespace QualityWatch.Notifications.Email;

/// <summary>Email channel, section <c>Notifications:Email</c>. Off by default.</summary>
internal sealed class EmailOptions
{
    public bool Enabled { get; set; }

    /// <summary>SMTP server host name.</summary>
    public string? Host { get; set; }

    /// <summary>SMTP port. Default 587.</summary>
    public int Port { get; set; } = 587;

    /// <summary><c>None</c>, <c>StartTls</c> (default) or <c>SslOnConnect</c>.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>
    /// SHA-256 fingerprint (hex; colons and spaces ignored) of a server certificate to accept even
    /// though the system does not trust it, e.g. a private relay's self-signed one. Empty = system trust only.
    /// </summary>
    public string? TrustedCertificateSha256 { get; set; }

    /// <summary>User for SMTP AUTH; none = no authentication.</summary>
    public string? Username { get; set; }

    /// <summary>Password for SMTP AUTH. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Allows SMTP AUTH with <c>Security: None</c> to a host that is not loopback, which sends the
    /// password in clear text. Default false: such a configuration is refused at start.
    /// </summary>
    public bool AllowPlaintextAuth { get; set; }

    /// <summary>Sender address, e.g. <c>QualityWatch &lt;qw@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>Recipient addresses.</summary>
    public List<string> To { get; set; } = [];

    /// <summary>Notification kinds sent by email; empty (default) = all (firing, repeat, resolved, report).</summary>
    public List<string> Kinds { get; set; } = [];

    /// <summary>Timeout of one whole SMTP send: connect, TLS, AUTH and message. Default 30 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
