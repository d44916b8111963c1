namespace QualityWatch.Judging;

/// <summary>Tier names as QualityWatch stores them (the provider's wire names are mapped in each client).</summary>
internal static class JudgeTiers
{
    public const string Flex = "flex";
    public const string Standard = "standard";
    public const string Priority = "priority";

    public static bool IsKnown(string tier) => tier is Flex or Standard or Priority;
}
