namespace QualityWatch.Reviews;

/// <summary>What posting a label did.</summary>
internal enum SaveOutcome
{
    /// <summary>No sample has that interaction id.</summary>
    NotFound,

    /// <summary>The sample has no verdict yet: there is nothing to compare the label with.</summary>
    NotJudged,

    /// <summary>The reviewer's first label on the sample.</summary>
    Created,

    /// <summary>A changed answer: the current row is updated and a new version is kept in the history.</summary>
    Updated,

    /// <summary>The same answer again: nothing is written.</summary>
    Unchanged,
}
