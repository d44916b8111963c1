using QualityWatch.Api;
using QualityWatch.Sampling;

namespace QualityWatch.Calibration;

/// <summary><c>GET /v1/calibration?stream=</c>: the stream's current calibration and the earlier ones.</summary>
internal static class CalibrationEndpoints
{
    public static WebApplication MapCalibration(this WebApplication app)
    {
        app.MapGet("/v1/calibration", GetAsync).RequireAuthorization(ApiRoles.Read);
        return app;
    }

    // A stream without verdicts answers 200 with no calibration, as /v1/trends answers one without buckets.
    private static async Task<IResult> GetAsync(CalibrationReader reader, string? stream, CancellationToken cancellationToken)
    {
        if (ApiQuery.NotEmpty("stream", stream) is { } invalid)
        {
            return invalid;
        }

        var calibrations = await reader.ForStreamAsync(stream ?? SamplingOptions.DefaultStream, cancellationToken);
        return Results.Json(CalibrationView.From(calibrations), CalibrationJsonContext.Default.CalibrationView);
    }
}
