using QualityWatch.Bench.Detection;

namespace QualityWatch.Bench.Incidents;

/// <summary>
/// The shipped alerting as one detection policy: policy (d)'s sampling, the shipped one (change-aware boost drawn 1 in 3
/// up to 500 samples in standard, the daily budget) with every rule of appsettings.json watching the stream (both quality rules and the operational ones),
/// and one webhook channel so a page is taken and later signals thread as updates.
/// </summary>
internal static class IncidentsPolicy
{
    // appsettings.json's rules: 0 hallucination-rate-high, 2 judge-failing, 3 judge-backlog (1, the shift rule, policies (c) and (d) keep).
    private static readonly int[] SwitchedOffByPolicyC = [0, 2, 3];

    public static DetectionPolicy Shipped(Uri webhook)
    {
        var c = DetectionPolicy.All.Single(p => p.Key == "d");
        return new DetectionPolicy("shipped", "shipped rules, policy (d) sampling", DetectionPolicy.ShiftRule, budget =>
        {
            var settings = c.Settings(budget);
            // Policy (d), as (c), switches the window rule and the operational rules off to time the shift rule alone; here all watch.
            foreach (var rule in SwitchedOffByPolicyC)
            {
                settings.Remove($"Alerting:Rules:{rule}:Streams:0");
            }

            settings["Notifications:Webhooks:0:Name"] = "bench";
            settings["Notifications:Webhooks:0:Url"] = webhook.ToString();
            settings["Notifications:Webhooks:0:Secret"] = "bench-webhook-secret";
            return settings;
        });
    }
}
