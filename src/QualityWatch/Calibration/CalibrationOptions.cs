using System.ComponentModel.DataAnnotations;

namespace QualityWatch.Calibration;

/// <summary>Settings under <c>Calibration</c>.</summary>
internal sealed class CalibrationOptions
{
    public const string SectionName = "Calibration";

    /// <summary>
    /// How long a stream's calibrations are reused before they are read again (default 30 s). A calibration
    /// changes only when a label is stored or verdicts arrive, and 4,000 posterior draws per calibration are
    /// not worth repeating on every page view or scrape.
    /// </summary>
    [Required]
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(30);
}
