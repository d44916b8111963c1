namespace QualityWatch.Simulator.OpenAi.Wire;

internal sealed record CompletionTokensDetails(int ReasoningTokens, int AudioTokens, int AcceptedPredictionTokens, int RejectedPredictionTokens);
