namespace QualityWatch.Ingestion;

/// <summary>The JSON error answers every API endpoint shares, and the bearer-key gate.</summary>
public static class ApiErrors
{
    public static IResult Error(int status, string code, string message) =>
        Results.Json(new ApiError(code, message), IngestJsonContext.Default.ApiError, statusCode: status);

    /// <summary>A 401 result when the request lacks a configured key; null when it may proceed.</summary>
    public static IResult? Unauthorized(HttpContext context)
    {
        var authenticator = context.RequestServices.GetRequiredService<ApiKeyAuthenticator>();
        if (authenticator.IsAuthorized(context.Request))
        {
            return null;
        }

        context.Response.Headers.WWWAuthenticate = "Bearer";
        return Error(StatusCodes.Status401Unauthorized, "unauthorized", "Send 'Authorization: Bearer <key>' with a key from Ingest:ApiKeys.");
    }
}
