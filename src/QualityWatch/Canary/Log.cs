namespace QualityWatch.Canary;

/// <summary>Judge-drift canary log events: ids 21000–21099. Item ids and counts only, never item text.</summary>
internal static partial class Log
{
    [LoggerMessage(21000, LogLevel.Information, "Canary run started: judge model {JudgeModel}, rubric {RubricVersion}, {ToJudge} items to judge, {AlreadyJudged} already judged today")]
    public static partial void RunStarted(ILogger logger, string judgeModel, string rubricVersion, int toJudge, int alreadyJudged);

    [LoggerMessage(21001, LogLevel.Information, "Canary run finished: judge model {JudgeModel}, rubric {RubricVersion}, set {ItemSet}: {Agreed} of {Items} agree; drift {Drift} (specificity z {SpecificityZ:F2}, sensitivity z {SensitivityZ:F2})")]
    public static partial void RunFinished(ILogger logger, string judgeModel, string rubricVersion, string itemSet, long items, long agreed, bool drift, double specificityZ, double sensitivityZ);

    [LoggerMessage(21002, LogLevel.Warning, "Canary item {ItemId} got no answer from the judge ({Reason}); it is asked again at the next run")]
    public static partial void ItemFailed(ILogger logger, string itemId, string reason);

    [LoggerMessage(21003, LogLevel.Warning, "Canary budget spent: {Refused} items not judged today (Canary:DailyBudgetUsd {DailyBudgetUsd} USD)")]
    public static partial void BudgetSpent(ILogger logger, int refused, decimal dailyBudgetUsd);

    [LoggerMessage(21004, LogLevel.Error, "Canary run failed")]
    public static partial void RunFailed(ILogger logger, Exception exception);
}
