using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QualityWatch.Api;
using QualityWatch.WebConsole.Components;

namespace QualityWatch.WebConsole;

internal static class WebConsoleExtensions
{
    /// <summary>The console: Razor components rendered on the server, its sign-in schemes and policies, Data Protection keys beside the database.</summary>
    public static IServiceCollection AddWebConsole(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<ConsoleOptions, ConsoleOptionsValidator>().BindConfiguration(ConsoleOptions.SectionName);
        services.TryAddSingleton<TrustedProxyList>();
        services.TryAddSingleton<ConsoleSessions>();
        services.TryAddSingleton<ConsoleClock>();
        services.TryAddSingleton<ConsoleLinks>();
        services.TryAddSingleton<AlertPageQueries>();
        services.TryAddSingleton<OverviewQueries>();
        services.TryAddSingleton<HealthPageQueries>();
        services.AddRazorComponents();

        services.AddDataProtection().SetApplicationName("QualityWatch");
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<KeyManagementOptions>, ConsoleKeyStorage>());
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.Cookie.Name = "qw_antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });

        services.AddAuthentication()
            .AddPolicyScheme(ConsoleSchemes.Console, "Console", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, ProxyAuthenticationHandler>(ConsoleSchemes.Proxy, configureOptions: null)
            .AddCookie(ConsoleSchemes.Cookie);
        services.AddOptions<CookieAuthenticationOptions>(ConsoleSchemes.Cookie).Configure<IOptions<ConsoleOptions>>((cookie, console) =>
        {
            cookie.Cookie.Name = ConsoleSchemes.CookieName;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = console.Value.SessionLifetime;
            cookie.SlidingExpiration = true;
            cookie.LoginPath = "/login";
            cookie.LogoutPath = "/logout";
            cookie.AccessDeniedPath = "/login";
            cookie.Events.OnValidatePrincipal = c => c.HttpContext.RequestServices.GetRequiredService<ConsoleSessions>().ValidateAsync(c);
            cookie.Events.OnRedirectToAccessDenied = DeniedAsync;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(ConsoleSchemes.ReadPolicy, p => p.AddAuthenticationSchemes(ConsoleSchemes.Console).RequireAuthenticatedUser().RequireRole(ApiRoles.Read, ApiRoles.Admin))
            .AddPolicy(ConsoleSchemes.ReviewPolicy, p => p.AddAuthenticationSchemes(ConsoleSchemes.Console).RequireAuthenticatedUser().RequireRole(ApiRoles.Review, ApiRoles.Admin))
            .AddPolicy(ConsoleSchemes.OncallPolicy, p => p.AddAuthenticationSchemes(ConsoleSchemes.Console).RequireAuthenticatedUser().RequireRole(ApiRoles.Oncall, ApiRoles.Admin));
        return services;
    }

    /// <summary>
    /// The console's pages behind the <c>read</c> policy (the login page opts out), antiforgery on every form post,
    /// the embedded stylesheet, and <c>POST /logout</c>. Call after <c>UseApiGate</c>: antiforgery runs after authentication.
    /// </summary>
    public static WebApplication MapWebConsole(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapGet(ConsoleAssets.StylesheetPath, ConsoleAssets.Stylesheet).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/logout", LogoutAsync).AllowAnonymous().WithMetadata(new RequireAntiforgeryTokenAttribute());
        app.MapRazorComponents<App>().RequireAuthorization(ConsoleSchemes.ReadPolicy);
        app.MapIncidentActions();
        return app;
    }

    /// <summary>No key configured (loopback only): open, as the API is. A trusted proxy's user: the proxy. Else the session cookie.</summary>
    private static string SelectScheme(HttpContext context)
    {
        var services = context.RequestServices;
        if (services.GetRequiredService<ConsoleSessions>().Open)
        {
            return ApiKeyAuthenticationHandler.SchemeName;
        }

        return ProxyAuthenticationHandler.UserOf(context, services.GetRequiredService<TrustedProxyList>()) is null
            ? ConsoleSchemes.Cookie
            : ConsoleSchemes.Proxy;
    }

    /// <summary>
    /// A page the session may not see sends the browser to the login page; a form post it may not make (an action
    /// without the role) is refused with 403, as the API refuses it, instead of being turned into a GET elsewhere.
    /// </summary>
    private static Task DeniedAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Redirect(context.RedirectUri);
        }
        else
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILogger<ConsoleSessions>>();
            Log.ActionRefused(logger, context.HttpContext.User.Identity?.Name ?? "", context.Request.Path.Value ?? "");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Task.CompletedTask;
    }

    private static async Task LogoutAsync(HttpContext context)
    {
        // The middleware only records the check; a handler that reads no form must act on it itself.
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await context.SignOutAsync(ConsoleSchemes.Cookie);
        context.Response.Redirect("/login");
    }
}
