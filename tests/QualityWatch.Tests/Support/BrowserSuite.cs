namespace QualityWatch.Tests.Support;

/// <summary>Browser tests share one chromium and run one at a time: each also runs the service, and CI has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserSuite : ICollectionFixture<Browser>
{
    public const string Name = "Browser";
}
