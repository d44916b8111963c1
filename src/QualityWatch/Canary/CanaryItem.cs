namespace QualityWatch.Canary;

/// <summary>One item a canary run judges: the reference set's or a reviewed sample's, with its known answer.</summary>
internal sealed record CanaryItem(string Id, string Set, string? Context, string Prompt, string Response, bool Expected);
