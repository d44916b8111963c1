namespace QualityWatch.Notifications.Email;

/// <summary>How the SMTP connection is secured.</summary>
internal enum SmtpSecurity
{
    /// <summary>Plain text; for a relay on localhost or a test server.</summary>
    None = 0,

    /// <summary>Plain connect, then STARTTLS (required), usually port 587.</summary>
    StartTls = 1,

    /// <summary>TLS from the first byte, usually port 465.</summary>
    SslOnConnect = 2,
}
