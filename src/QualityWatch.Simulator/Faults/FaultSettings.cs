namespace QualityWatch.Simulator.Faults;

/// <summary>
/// Start-up fault settings, section <c>Faults</c> (e.g. <c>--Faults:Rate429 0.1</c>); copied into
/// <see cref="SimulatorFaults"/>, which tests change while the simulator runs.
/// </summary>
public sealed class FaultSettings
{
    public const string SectionName = "Faults";

    /// <summary>Probability (0–1) of a per-minute 429 carrying RetryInfo of <see cref="RetryDelay"/>. Default 0.</summary>
    public double Rate429 { get; set; }

    /// <summary>Probability (0–1) that a flex-tier request is shed (Gemini 503, OpenAI 429 Resource Unavailable). Default 0.</summary>
    public double Rate503Flex { get; set; }

    /// <summary>Probability (0–1) of a 500. Default 0.</summary>
    public double Rate500 { get; set; }

    /// <summary>Probability (0–1) of a 200 whose reply is not valid JSON. Default 0.</summary>
    public double MalformedRate { get; set; }

    /// <summary>Probability (0–1) of never answering. Default 0.</summary>
    public double HangRate { get; set; }

    /// <summary>Probability (0–1) of a 200 with a wrong-shape verdict. Default 0.</summary>
    public double JudgeErrorRate { get; set; }

    /// <summary>Probability (0–1) that a priority request is served (and reported) as standard/default. Default 0.</summary>
    public double PriorityDowngradeRate { get; set; }

    /// <summary>The retry delay that random 429s advertise. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests admitted per sliding 60 s window before 429s; null (default) is unlimited.</summary>
    public int? RequestsPerMinuteLimit { get; set; }

    /// <summary>Requests admitted per UTC day before daily-quota 429s; null (default) is unlimited.</summary>
    public int? DailyRequestQuota { get; set; }

    /// <summary>Per served tier (or <c>*</c> for any), a latency like <c>uniform 1s 5s</c>; see <see cref="LatencyDistribution.Parse"/>.</summary>
    public Dictionary<string, string> Latency { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Seed of the Random behind every probabilistic choice, for reproducible runs. Default 1.</summary>
    public int Seed { get; set; } = 1;
}
