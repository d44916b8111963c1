using System.Text.Json.Serialization;
using QualityWatch.Statistics;

namespace QualityWatch.Calibration;

/// <summary>An estimate with its 95% interval as the API writes it; <c>method</c> where more than one could have made it.</summary>
internal sealed record EstimateView(
    double Value,
    double Lower,
    double Upper,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Method = null)
{
    public static EstimateView From(Estimate estimate, string? method = null) =>
        new(Math.Round(estimate.Value, 6), Math.Round(estimate.Lower, 6), Math.Round(estimate.Upper, 6), method);
}
