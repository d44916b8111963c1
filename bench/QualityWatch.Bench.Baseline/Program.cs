using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

// What any ingest server on this machine must do for POST /v1/interactions and nothing more: read the whole
// body, run Utf8JsonReader over every NDJSON line (or the one JSON body), answer 200 with QualityWatch's
// answer shape. No auth, no storage, no logging: the ceiling QualityWatch's ingest is measured against.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();

// Shaped like QualityWatch's /readyz so the bench starts both servers the same way.
app.MapGet("/readyz", () => Results.Text(
    """{"status":"Healthy","checks":[{"name":"database","status":"Healthy"},{"name":"shutdown","status":"Healthy"}]}""",
    "application/json"));

app.MapPost("/v1/interactions", async (HttpContext context) =>
{
    var reader = context.Request.BodyReader;
    ReadResult read;
    while (true)
    {
        read = await reader.ReadAsync();
        if (read.IsCompleted)
        {
            break;
        }

        // Keep everything buffered until the body is complete, as a server that parses whole requests does.
        reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
    }

    var body = read.Buffer.IsSingleSegment ? read.Buffer.FirstSpan.ToArray() : read.Buffer.ToArray();
    reader.AdvanceTo(read.Buffer.End);
    var ndjson = context.Request.ContentType?.Contains("ndjson", StringComparison.OrdinalIgnoreCase) == true;
    var accepted = ndjson ? ParseLines(body) : Parse(body);
    context.Response.ContentType = "application/json";
    await context.Response.WriteAsync($$"""{"accepted":{{accepted}},"duplicates":0,"sampled":0,"rejected":[]}""");
});

app.Run();

static int ParseLines(ReadOnlySpan<byte> body)
{
    var count = 0;
    foreach (var range in body.Split((byte)'\n'))
    {
        var line = body[range].Trim(" \t\r"u8);
        if (!line.IsEmpty)
        {
            count += Parse(line);
        }
    }

    return count;
}

static int Parse(ReadOnlySpan<byte> json)
{
    var reader = new Utf8JsonReader(json);
    while (reader.Read())
    {
    }

    return 1;
}
