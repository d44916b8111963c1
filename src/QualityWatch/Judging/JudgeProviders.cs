namespace QualityWatch.Judging;

public static class JudgeProviders
{
    public const string Gemini = "gemini";
    public const string OpenAi = "openai";
}
