using System.Diagnostics;
using System.Text.Json;

namespace QualityWatch.Testing;

/// <summary>
/// Ready when /readyz answers with the database and shutdown checks Healthy. The judge is not part of
/// it: a run without a judge key measures ingest alone.
/// </summary>
internal static class Readiness
{
    public static async Task WaitAsync(Uri address, Func<int?> exitCode, Func<string> output, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < timeout)
        {
            if (exitCode() is { } code)
            {
                throw new InvalidOperationException($"QualityWatch exited with {code} before it was ready:\n{output()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("readyz", UriKind.Relative));
                using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var checks = health.RootElement.GetProperty("checks").EnumerateArray()
                    .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
                if (checks.GetValueOrDefault("database") == "Healthy" && checks.GetValueOrDefault("shutdown") == "Healthy")
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"QualityWatch was not ready within {timeout}:\n{output()}");
    }
}
