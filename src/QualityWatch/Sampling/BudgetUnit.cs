namespace QualityWatch.Sampling;

/// <summary>What a daily judge budget counts.</summary>
internal enum BudgetUnit
{
    /// <summary>Judged samples; a boost sample counts 1 like any other.</summary>
    Samples = 0,

    /// <summary>Judge tokens, estimated as <see cref="BudgetOptions.TokensPerSample"/> per sample.</summary>
    Tokens = 1,

    /// <summary>US dollars, estimated as <see cref="BudgetOptions.UsdPerSample"/> per routine sample, × <see cref="BudgetOptions.BoostCostRatio"/> per boost sample.</summary>
    Usd = 2,
}
