using System.Net;
using QualityWatch.Simulator;

namespace QualityWatch.Tests.Simulator;

/// <summary>Bad generateContent requests get the real API's status and google.rpc.Status body.</summary>
public sealed class GeminiValidationTests
{
    private const string Key = "gemini-test-key-0123456789";

    [Fact]
    public async Task GenerateContent_NoApiKey_Is403PermissionDenied()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = Key });
        using var client = sim.Client();

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"));

        var error = await AssertErrorAsync(response, HttpStatusCode.Forbidden, "PERMISSION_DENIED");
        Assert.Contains("unregistered callers", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateContent_WrongApiKey_Is400ApiKeyInvalid()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = Key });
        using var client = sim.Client();

        var response = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"), geminiKey: "wrong");

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.Equal("API_KEY_INVALID", SimWire.Detail(error, "ErrorInfo").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task GenerateContent_RightApiKeyInHeaderOrQuery_IsServed()
    {
        await using var sim = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = Key });
        using var client = sim.Client();

        var header = await client.PostJsonAsync(SimWire.GeneratePath(), SimWire.GeminiRequest("x"), geminiKey: Key);
        var query = await client.PostJsonAsync(SimWire.GeneratePath() + "?key=" + Key, SimWire.GeminiRequest("x"));

        Assert.Equal(HttpStatusCode.OK, header.StatusCode);
        Assert.Equal(HttpStatusCode.OK, query.StatusCode);
    }

    [Fact]
    public async Task GenerateContent_MalformedJson_Is400InvalidArgument()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        var response = await client.SendJsonAsync(HttpMethod.Post, SimWire.GeneratePath(), "{\"contents\": [");

        var error = await AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.StartsWith("Invalid JSON payload received.", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateContent_UnknownField_Is400WithBadRequestDetail()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();
        var body = SimWire.GeminiRequest("x");
        body["generationConfig"]!["responseFormat"] = "json";

        var error = await AssertErrorAsync(await client.PostJsonAsync(SimWire.GeneratePath(), body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT");

        Assert.Contains("Unknown name \"responseFormat\"", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(["BadRequest"], SimWire.DetailTypes(error));
    }

    [Fact]
    public async Task GenerateContent_BothResponseSchemaAndResponseJsonSchema_Is400()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();
        var body = SimWire.GeminiRequest("x");
        body["generationConfig"]!["responseSchema"] = SimWire.VerdictSchema();

        var error = await AssertErrorAsync(await client.PostJsonAsync(SimWire.GeneratePath(), body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT");

        Assert.Contains("response_json_schema", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateContent_SchemaWithoutJsonMimeType_Is400()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();
        var body = SimWire.GeminiRequest("x");
        body["generationConfig"]!.AsObject().Remove("responseMimeType");

        await AssertErrorAsync(await client.PostJsonAsync(SimWire.GeneratePath(), body), HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
    }

    [Theory]
    [InlineData("""{"contents":[]}""")]
    [InlineData("""{"systemInstruction":{"parts":[{"text":"x"}]}}""")]
    [InlineData("""{"contents":[{"role":"robot","parts":[{"text":"x"}]}]}""")]
    [InlineData("""{"contents":[{"parts":[{"text":"x"}]}],"serviceTier":"turbo"}""")]
    [InlineData("""{"contents":[{"parts":[{"text":"x"}]}],"generationConfig":{"temperature":3}}""")]
    [InlineData("""[1,2]""")]
    public async Task GenerateContent_InvalidBody_Is400InvalidArgument(string json)
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        var response = await client.SendJsonAsync(HttpMethod.Post, SimWire.GeneratePath(), json);

        await AssertErrorAsync(response, HttpStatusCode.BadRequest, "INVALID_ARGUMENT");
        Assert.Equal(400, Assert.Single(sim.Stats.Records).StatusCode);
    }

    [Fact]
    public async Task Models_UnknownMethod_Is404NotFound()
    {
        await using var sim = await JudgeSimulator.StartAsync();
        using var client = sim.Client();

        var response = await client.PostJsonAsync($"v1beta/models/{SimWire.GeminiModel}:streamGenerateContent", SimWire.GeminiRequest("x"));

        await AssertErrorAsync(response, HttpStatusCode.NotFound, "NOT_FOUND");
    }

    internal static async Task<System.Text.Json.JsonElement> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string rpcStatus)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.BodyAsync();
        Assert.Equal(["error"], SimWire.Names(body));
        var error = body.GetProperty("error");
        Assert.Equal((int)status, error.GetProperty("code").GetInt32());
        Assert.Equal(rpcStatus, error.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        return error;
    }
}
