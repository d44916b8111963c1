using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using QualityWatch.Api;

namespace QualityWatch.Hosting;

internal static class ServerLimitsExtensions
{
    /// <summary>Kestrel's connection cap and default body limit from <c>Server</c>.</summary>
    public static IServiceCollection AddServerLimits(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<ServerOptions, ServerOptionsValidator>().BindConfiguration(ServerOptions.SectionName);
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ServerOptions>>((kestrel, server) =>
        {
            kestrel.Limits.MaxConcurrentConnections = server.Value.MaxConcurrentConnections;
            kestrel.Limits.MaxRequestBodySize = server.Value.MaxRequestBodyBytes;
        });
        return services;
    }

    /// <summary>
    /// Gives each request its route's body limit (<see cref="RequestBodyLimit"/>, else <c>Server:MaxRequestBodyBytes</c>)
    /// and answers 413 at once when the declared length is over it. Routes that never read a body
    /// would otherwise answer first and leave Kestrel to drain it.
    /// </summary>
    public static WebApplication UseRequestBodyLimits(this WebApplication app)
    {
        var defaultLimit = app.Services.GetRequiredService<IOptions<ServerOptions>>().Value.MaxRequestBodyBytes;
        app.Use((context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? defaultLimit;
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }

            if (context.Request.ContentLength > limit)
            {
                // The connection is closed after the answer: the unread body is not drained.
                context.Response.Headers.Connection = "close";
                return ApiErrors.Error(StatusCodes.Status413PayloadTooLarge, "body_too_large", $"The body is larger than this route takes ({limit} bytes).")
                    .ExecuteAsync(context);
            }

            return next(context);
        });
        return app;
    }
}
