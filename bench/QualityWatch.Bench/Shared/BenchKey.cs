namespace QualityWatch.Bench.Shared;

/// <summary>
/// The one API key a bench gives the service: it both sends interactions and reads them back, the
/// <c>ingest</c> and <c>read</c> roles that the old <c>Ingest:ApiKeys</c> keys had.
/// </summary>
internal static class BenchKey
{
    /// <summary>The key as <c>Auth:Keys:0</c>; <paramref name="separator"/> is <c>__</c> for a process's environment, <c>:</c> in process.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Settings(string key, string separator = "__")
    {
        var prefix = string.Join(separator, "Auth", "Keys", "0") + separator;
        yield return new(prefix + "Name", "bench");
        yield return new(prefix + "Key", key);
        yield return new(prefix + "Roles" + separator + "0", "ingest");
        yield return new(prefix + "Roles" + separator + "1", "read");
    }
}
