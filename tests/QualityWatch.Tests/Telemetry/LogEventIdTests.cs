using System.Reflection;
using Microsoft.Extensions.Logging;

namespace QualityWatch.Tests.Telemetry;

/// <summary>Event ids are how an operator filters and alerts on log lines: each one names one message.</summary>
public sealed class LogEventIdTests
{
    [Fact]
    public void EveryLoggerMessage_HasItsOwnEventId()
    {
        var messages = typeof(QualityWatch.Hosting.QualityWatchApp).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(m => m.Attribute is not null)
            .ToList();

        Assert.True(messages.Count > 50, $"found only {messages.Count} [LoggerMessage] methods");
        var shared = messages.GroupBy(m => m.Attribute!.EventId).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(m => $"{m.Method.DeclaringType!.FullName}.{m.Method.Name}"))}").ToList();
        Assert.True(shared.Count == 0, "event ids used twice:\n" + string.Join('\n', shared));
    }
}
