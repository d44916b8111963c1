namespace QualityWatch.Simulator.Wire;

/// <summary>
/// One finished answer: status, JSON body and headers. Every path produces one, so the status
/// that reaches the client and the status recorded in the stats are the same value.
/// </summary>
internal sealed record WireReply(int StatusCode, byte[] Body, IReadOnlyList<KeyValuePair<string, string>> Headers)
{
    public WireReply(int statusCode, byte[] body)
        : this(statusCode, body, [])
    {
    }

    public WireReply WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };

    public async Task WriteAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var response = context.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=UTF-8";
        foreach (var (name, value) in Headers)
        {
            response.Headers.Append(name, value);
        }

        response.ContentLength = Body.Length;
        await response.Body.WriteAsync(Body, cancellationToken);
    }
}
