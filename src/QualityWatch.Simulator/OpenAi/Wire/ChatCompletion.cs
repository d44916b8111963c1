namespace QualityWatch.Simulator.OpenAi.Wire;

/// <summary>The <c>chat.completion</c> object.</summary>
internal sealed record ChatCompletion(
    string Id,
    string Object,
    long Created,
    string Model,
    IReadOnlyList<ChatChoice> Choices,
    ChatUsage Usage,
    string ServiceTier,
    string SystemFingerprint);
