namespace QualityWatch.Judging.Wire;

/// <summary>
/// An error answer as both providers send it: <c>{"error": {...}}</c>, a google.rpc.Status from Gemini,
/// an OpenAI error object from OpenAI-compatible servers.
/// </summary>
internal sealed record ErrorReply(ErrorBody? Error);
