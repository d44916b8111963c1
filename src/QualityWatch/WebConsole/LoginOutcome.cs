namespace QualityWatch.WebConsole;

/// <summary>What <c>/login</c> made of the presented key.</summary>
internal enum LoginOutcome
{
    SignedIn,
    UnknownKey,
    NoReadRole,
}
