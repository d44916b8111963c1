namespace QualityWatch.Api;

/// <summary>
/// A request body read into memory and decompressed, or why not: the HTTP status, an error code and a message,
/// which each route answers in its own shape (JSON error body, OTLP status).
/// </summary>
internal readonly record struct RequestBody(ReadOnlyMemory<byte> Bytes, int FailureStatus = 0, string? FailureCode = null, string? FailureMessage = null)
{
    public bool Failed => FailureStatus != 0;

    public IResult FailureResult() => ApiErrors.Error(FailureStatus, FailureCode!, FailureMessage!);

    public static RequestBody Fail(int status, string code, string message) => new(default, status, code, message);
}
