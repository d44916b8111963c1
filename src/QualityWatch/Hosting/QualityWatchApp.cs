using Microsoft.Extensions.Options;

namespace QualityWatch.Hosting;

/// <summary>Builds and runs the service; tests build the same app in-process on real Kestrel.</summary>
public static class QualityWatchApp
{
    /// <summary>The listen URL when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> is given.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static int Run(string[] args)
    {
        try
        {
            using var app = Build(args);
            app.Run();
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            // A bad setting is an operator error, not a crash: say which key and what is allowed.
            Console.Error.WriteLine("QualityWatch cannot start: invalid configuration.");
            foreach (var failure in ex.Failures)
            {
                Console.Error.WriteLine($"  {failure}");
            }

            return 2;
        }
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships beside the binary (linked from the repo root at build time).
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Configuration.AddEnvironmentVariables(prefix: "QW_");
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Host.UseDefaultServiceProvider(o =>
        {
            o.ValidateOnBuild = true;
            o.ValidateScopes = true;
        });
        configure?.Invoke(builder);
        builder.Services.AddQualityWatch();

        var app = builder.Build();
        app.MapQualityWatch();
        return app;
    }
}
