using QualityWatch.Api;

namespace QualityWatch.Ingestion;

/// <summary>A request body split into items, or the reason the whole body is refused.</summary>
internal sealed class ParsedBody
{
    private ParsedBody(BodyShape shape, List<ParsedItem> items, int status, ApiError? failure)
    {
        Shape = shape;
        Items = items;
        FailureStatus = status;
        Failure = failure;
    }

    public BodyShape Shape { get; }

    public List<ParsedItem> Items { get; }

    /// <summary>The HTTP status for <see cref="Failure"/>; 0 when the body was read.</summary>
    public int FailureStatus { get; }

    public ApiError? Failure { get; }

    public static ParsedBody Read(BodyShape shape, List<ParsedItem> items) => new(shape, items, 0, null);

    public static ParsedBody Refused(int status, string error, string message) => new(BodyShape.Object, [], status, new ApiError(error, message));
}
