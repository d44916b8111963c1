namespace QualityWatch.Sampling;

/// <summary>The interaction fields whose change starts a boost.</summary>
internal static class VersionDimensions
{
    public const string PromptVersion = "prompt_version";
    public const string Model = "model";
}
