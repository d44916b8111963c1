namespace QualityWatch.WebConsole;

/// <summary>The console's authentication schemes and its authorization policies.</summary>
internal static class ConsoleSchemes
{
    /// <summary>The scheme console pages ask for: picks open, proxy or cookie per request.</summary>
    public const string Console = "Console";

    /// <summary>The session cookie set by <c>/login</c>.</summary>
    public const string Cookie = "ConsoleCookie";

    /// <summary>A user named by a trusted authenticating proxy.</summary>
    public const string Proxy = "ConsoleProxy";

    /// <summary>Policy for every console page: the <c>read</c> role (or admin).</summary>
    public const string ReadPolicy = "console-read";

    /// <summary>Policy for pages that write review labels: the <c>review</c> role (or admin).</summary>
    public const string ReviewPolicy = "console-review";

    /// <summary>Policy for the on-call actions (acknowledge, silence): the <c>oncall</c> role (or admin).</summary>
    public const string OncallPolicy = "console-oncall";

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "qw_console";

    /// <summary>Claim with a one-way fingerprint of the key a session was opened with; a rotated key ends the session.</summary>
    public const string KeyStampClaim = "qw:key_stamp";
}
