using System.Text.Json;
using QualityWatch.Backfill.Batch;
using QualityWatch.Backfill.Batch.Wire;
using QualityWatch.Judging;
using QualityWatch.Judging.Gemini;
using QualityWatch.Tests.Judging.Wire;

namespace QualityWatch.Tests.Backfill.Batch;

public sealed class BatchWireTests
{
    private static readonly QualityWatch.Judging.Gemini.Wire.GenerateContentRequest Line = GeminiWire.GenerateRequest("RUBRIC", "SAMPLE", cachedContent: null, tier: null);

    [Fact]
    public void Create_Inline_NestsTheRequestsTwiceEachWithItsKeyAsMetadata()
    {
        var body = new CreateBatchRequest(new BatchSpec(
            "qualitywatch-backfill-7", new BatchInputConfig(new InlinedRequests([new InlinedRequest(Line, new BatchItemMetadata("item-001"))]), FileName: null)));

        WireFixture.AssertSameJson("gemini-batch-create-inline.json", JsonSerializer.Serialize(body, BatchJsonContext.Default.CreateBatchRequest));
    }

    [Fact]
    public void Create_FromAFile_NamesOnlyTheFile()
    {
        var body = new CreateBatchRequest(new BatchSpec("qualitywatch-backfill-7", new BatchInputConfig(Requests: null, "files/abc123")));

        WireFixture.AssertSameJson("gemini-batch-create-file.json", JsonSerializer.Serialize(body, BatchJsonContext.Default.CreateBatchRequest));
    }

    [Fact]
    public void FileLine_IsKeyThenAPlainGenerateContentRequest()
    {
        var line = JsonSerializer.Serialize(new BatchFileLine("item-001", Line), BatchJsonContext.Default.BatchFileLine);

        WireFixture.AssertSameJson("gemini-batch-file-line.json", line);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public void Operation_Succeeded_GivesTheStateWithoutPrefixAndEachInlineResultOrError()
    {
        var status = BatchStatus.Read(Parse("gemini-batch-operation.json"));

        Assert.Equal(BatchStatus.Succeeded, status.State);
        Assert.True(status.Done);
        Assert.Null(status.ResponsesFile);
        Assert.Collection(
            status.Inlined!,
            ok =>
            {
                Assert.Equal("item-001", ok.Metadata!.Key);
                var (text, problem, usage) = GeminiReply.Read(ok.Response!);
                Assert.Null(problem);
                Assert.True(VerdictParser.TryParse(text, out _, out _));
                Assert.Equal(new JudgeUsage(8, 0, 11, 829), usage);
            },
            failed =>
            {
                Assert.Equal("item-002", failed.Metadata!.Key);
                Assert.Null(failed.Response);
                Assert.Equal("INVALID_ARGUMENT", failed.Error!.Status);
            });
    }

    [Fact]
    public void Operation_AsTheSdkShowsIt_JobStatePrefixAndOutputUnderMetadata()
    {
        var status = BatchStatus.Read(Parse("gemini-batch-operation-running-sdk.json"));

        Assert.Equal("RUNNING", status.State);
        Assert.False(status.Done);
        Assert.Null(status.Inlined);
        Assert.Equal("files/batch-123456", status.ResponsesFile);
    }

    private static BatchOperation Parse(string fixture) => JsonSerializer.Deserialize(WireFixture.Read(fixture), BatchJsonContext.Default.BatchOperation)!;
}
