namespace QualityWatch.Api;

/// <summary>The JSON error answers every API endpoint shares.</summary>
internal static class ApiErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ApiError(code, message), ApiJsonContext.Default.ApiError, statusCode: status);
}
