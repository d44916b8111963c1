using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Gemini;
using QualityWatch.Simulator.Gemini.Batch;
using QualityWatch.Simulator.Gemini.Files;
using QualityWatch.Simulator.Judging;
using QualityWatch.Simulator.OpenAi;
using QualityWatch.Simulator.Stats;
using QualityWatch.Simulator.Verdicts;

namespace QualityWatch.Simulator.Hosting;

public static class SimulatorExtensions
{
    /// <summary>Registers the judge simulator's state and endpoints for the given settings.</summary>
    public static IServiceCollection AddJudgeSimulator(this IServiceCollection services, SimulatorOptions options)
    {
        var time = options.TimeProvider ?? TimeProvider.System;
        services.AddSingleton(options);
        services.AddSingleton(time);
        services.AddSingleton(new SimulatorFaults(time, options.Faults));
        services.AddSingleton<CacheStore>();
        services.AddSingleton(sp => new SimulatorStats(sp.GetRequiredService<CacheStore>()));
        services.AddSingleton<RequestWaits>();
        services.AddSingleton(new ErringJudge(options.Judge));
        services.AddSingleton<JudgeResponder>();
        services.AddSingleton<GenerateContentEndpoint>();
        services.AddSingleton<CachedContentsEndpoints>();
        services.AddSingleton<ChatCompletionsEndpoint>();
        services.AddHttpClient();
        services.AddSingleton<FileStore>();
        services.AddSingleton<FilesEndpoints>();
        services.AddSingleton<BatchWebhooks>();
        services.AddSingleton(sp => new BatchStore(options, time, sp.GetRequiredService<FileStore>(), sp.GetRequiredService<BatchWebhooks>()));
        services.AddSingleton<BatchEndpoints>();
        return services;
    }

    public static WebApplication MapJudgeSimulator(this WebApplication app)
    {
        // The model and method share one path segment ("gemini-2.5-flash:generateContent"); the endpoint splits them.
        app.Services.GetRequiredService<BatchStore>().Attach(app.Services.GetRequiredService<GenerateContentEndpoint>());
        app.MapPost("/v1beta/models/{modelAndMethod}", (HttpContext c, string modelAndMethod, GenerateContentEndpoint e, BatchEndpoints b) =>
            modelAndMethod.EndsWith(":batchGenerateContent", StringComparison.Ordinal)
                ? b.CreateAsync(c, modelAndMethod[..modelAndMethod.LastIndexOf(':')])
                : e.HandleAsync(c, modelAndMethod));
        app.MapGet("/v1beta/batches", (HttpContext c, BatchEndpoints b) => b.ListAsync(c));
        app.MapGet("/v1beta/batches/{id}", (HttpContext c, string id, BatchEndpoints b) => b.GetAsync(c, id));
        app.MapPost("/upload/v1beta/files", (HttpContext c, FilesEndpoints f) => f.UploadAsync(c));
        app.MapGet("/download/v1beta/files/{idAndMethod}", (HttpContext c, string idAndMethod, FilesEndpoints f) => f.DownloadAsync(c, idAndMethod));
        app.MapGet("/v1beta/files/{idAndMethod}", (HttpContext c, string idAndMethod, FilesEndpoints f) => f.DownloadAsync(c, idAndMethod));
        app.MapPost("/v1beta/cachedContents", (HttpContext c, CachedContentsEndpoints e) => e.CreateAsync(c));
        app.MapGet("/v1beta/cachedContents", (HttpContext c, CachedContentsEndpoints e) => e.ListAsync(c));
        app.MapGet("/v1beta/cachedContents/{id}", (HttpContext c, string id, CachedContentsEndpoints e) => e.GetAsync(c, id));
        app.MapMethods("/v1beta/cachedContents/{id}", [HttpMethods.Patch], (HttpContext c, string id, CachedContentsEndpoints e) => e.PatchAsync(c, id));
        app.MapDelete("/v1beta/cachedContents/{id}", (HttpContext c, string id, CachedContentsEndpoints e) => e.DeleteAsync(c, id));
        app.MapPost("/v1/chat/completions", (HttpContext c, ChatCompletionsEndpoint e) => e.HandleAsync(c));
        return app;
    }
}
