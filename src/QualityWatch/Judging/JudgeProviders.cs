namespace QualityWatch.Judging;

internal static class JudgeProviders
{
    public const string Gemini = "gemini";
    public const string OpenAi = "openai";
}
