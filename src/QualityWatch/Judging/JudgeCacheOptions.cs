namespace QualityWatch.Judging;

/// <summary>Explicit <c>cachedContents</c> for the rubric prefix (Gemini only).</summary>
internal sealed class JudgeCacheOptions
{
    /// <summary>Use an explicit cache; off or too small a rubric falls back to implicit (stable prefix) caching. Default on.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>TTL given on create and on every refresh. Default 1 h.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Refresh the TTL when a sample is judged this close to expiry. Default 10 min.</summary>
    public TimeSpan RefreshBefore { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The model's explicit-cache minimum, in tokens (estimated as UTF-8 chars / 4). Default 1024.</summary>
    public int MinTokens { get; set; } = 1024;
}
