using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using QualityWatch.Incidents;

namespace QualityWatch.WebConsole;

/// <summary>
/// The console's on-call actions as plain form posts (antiforgery-checked, no script needed): acknowledge an incident,
/// set a silence, delete one. Each needs the oncall role (or admin), runs through <see cref="IncidentActions"/> as the
/// API does, records the session's key name or proxy user, and redirects back to the page it came from with what
/// happened (<c>?done=</c> or <c>?problem=</c>, codes that <see cref="ActionMessages"/> words).
/// </summary>
internal static class IncidentActionEndpoints
{
    public const string SilencePath = "/silences/new";
    private const int MaxText = 2000;

    public static string AcknowledgePath(string incidentId) => ConsoleLinks.Incident(incidentId) + "/ack";

    public static string DeleteSilencePath(string silenceId) => "/silences/" + Uri.EscapeDataString(silenceId) + "/delete";

    public static WebApplication MapIncidentActions(this WebApplication app)
    {
        app.MapPost("/incidents/{id}/ack", AcknowledgeAsync).RequireAuthorization(ConsoleSchemes.OncallPolicy).ExcludeFromDescription();
        app.MapPost(SilencePath, SilenceAsync).RequireAuthorization(ConsoleSchemes.OncallPolicy).ExcludeFromDescription();
        app.MapPost("/silences/{id}/delete", DeleteAsync).RequireAuthorization(ConsoleSchemes.OncallPolicy).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> AcknowledgeAsync(
        HttpContext context, IncidentActions actions, string id, [FromForm(Name = "note")] string? note, [FromForm(Name = "return_to")] string? returnTo)
    {
        var (outcome, _) = await actions.AcknowledgeAsync(id, IncidentActions.Who(context.User), Text(note), context.RequestAborted);
        return Back(returnTo, ConsoleLinks.Incident(id), outcome switch
        {
            AcknowledgeOutcome.Acknowledged => ActionMessages.DoneQuery("acknowledged"),
            AcknowledgeOutcome.NotFound => ActionMessages.ProblemQuery("incident_not_found"),
            _ => ActionMessages.ProblemQuery("not_open"),
        });
    }

    private static async Task<IResult> SilenceAsync(
        HttpContext context,
        IncidentActions actions,
        [FromForm(Name = "stream")] string? stream,
        [FromForm(Name = "prompt_version")] string? promptVersion,
        [FromForm(Name = "model")] string? model,
        [FromForm(Name = "duration")] string? duration,
        [FromForm(Name = "reason")] string? reason,
        [FromForm(Name = "return_to")] string? returnTo)
    {
        if (!TimeSpan.TryParse(duration, CultureInfo.InvariantCulture, out var length) || length <= TimeSpan.Zero)
        {
            return Back(returnTo, "/silences", ActionMessages.ProblemQuery("invalid_duration"));
        }

        // A blank field in the form means "not narrowed", where the API's JSON would leave the field out.
        var request = new SilenceRequest(Text(stream), Text(promptVersion), Text(model), null, null, length, Text(reason));
        var result = await actions.SilenceAsync(request, IncidentActions.Who(context.User), context.RequestAborted);
        return Back(returnTo, "/silences", result.Silence is null ? ActionMessages.ProblemQuery(result.Code!) : ActionMessages.DoneQuery("silenced"));
    }

    private static async Task<IResult> DeleteAsync(HttpContext context, IncidentActions actions, string id, [FromForm(Name = "return_to")] string? returnTo) =>
        Back(returnTo, "/silences", await actions.DeleteSilenceAsync(id, IncidentActions.Who(context.User), context.RequestAborted)
            ? ActionMessages.DoneQuery("silence_deleted")
            : ActionMessages.ProblemQuery("silence_not_found"));

    private static string? Text(string? value)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length > MaxText ? text[..MaxText] : text;
    }

    /// <summary>Back to the console page the form was on (only a path of this site; never elsewhere), with the outcome in the query.</summary>
    private static IResult Back(string? returnTo, string fallback, string outcome)
    {
        var path = returnTo is ['/', not '/' and not '\\', ..] or "/" ? returnTo.Split('?', '#')[0] : fallback;
        return Results.Redirect(path + "?" + outcome);
    }
}
