namespace QualityWatch.Simulator.OpenAi.Wire;

internal sealed record PromptTokensDetails(int CachedTokens, int AudioTokens);
