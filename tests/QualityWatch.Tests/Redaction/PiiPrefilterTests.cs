using System.Globalization;
using System.Text;
using QualityWatch.Redaction;

namespace QualityWatch.Tests.Redaction;

/// <summary>
/// The pre-pass that lets the redactor skip its detectors must never call a text clean that a detector would change,
/// and must call the ids the service sees every second clean, or it saves nothing.
/// </summary>
public sealed class PiiPrefilterTests
{
    // A custom pattern turns the pre-pass off, so this one runs every detector on every text: the reference.
    private static readonly Redactor Full = TestRedactors.Create(new CustomRedactionPattern { Name = "never", Pattern = "(?!)" });
    private static readonly Redactor Shipped = TestRedactors.Create();

    [Theory]
    [MemberData(nameof(RedactionCorpus.TruePositives), MemberType = typeof(RedactionCorpus))]
    public void CannotHoldPii_EveryDetectorsPositiveExample_IsNotClean(string input, string expected, string counts)
    {
        _ = (expected, counts);

        Assert.False(PiiPrefilter.CannotHoldPii(input));
        // Alone, without the words around it, as an id would carry it.
        var pii = Full.Redact(input, new RedactionCounts());
        Assert.NotEqual(input, pii);
    }

    [Theory]
    [InlineData("123-45-6789")]
    [InlineData("ip-192.168.1.10")]
    [InlineData("1.2.3.4")]
    [InlineData("555 123 4567")]
    [InlineData("(555) 123-4567")]
    [InlineData("020 7946 0958")]
    [InlineData("(030) 901820")]
    [InlineData("0044 20 7946 0958")]
    [InlineData("4111111111111111")]
    [InlineData("4111-1111-1111-1111")]
    [InlineData("NL91ABNA0417164300")]
    [InlineData("a@b.co")]
    [InlineData("fe80::1")]
    [InlineData("+14155552671")]
    public void CannotHoldPii_IdShapedPii_IsNotClean(string id)
    {
        Assert.NotEqual(id, Full.Redact(id, new RedactionCounts()));
        Assert.False(PiiPrefilter.CannotHoldPii(id));
    }

    [Theory]
    [InlineData("3f2a9c1e-5-1234-421")]
    [InlineData("3f2a9c1e-7-48213-499")]
    [InlineData("9b2e4c1a-7f3d-4e8b-a1c2-5d6e7f8a9b0c")]
    [InlineData("order-20261207-412")]
    [InlineData("conv_8812734")]
    [InlineData("gpt-4o-mini")]
    [InlineData("customer-support-v2")]
    [InlineData("v1")]
    [InlineData("")]
    public void CannotHoldPii_CommonIdsWithoutPii_AreClean(string id)
    {
        Assert.True(PiiPrefilter.CannotHoldPii(id));
        Assert.True(Shipped.IsCertainlyClean(id) || id.Length == 0);
    }

    [Fact]
    public void IsCertainlyClean_WithACustomPattern_IsFalse()
    {
        Assert.False(Full.IsCertainlyClean("abc"));
        Assert.True(Shipped.IsCertainlyClean("abc"));
    }

    [Fact]
    public void CannotHoldPii_RandomUuids_MostAreClean()
    {
        var random = new Random(20);
        var bytes = new byte[16];
        var clean = 0;
        for (var i = 0; i < 2000; i++)
        {
            random.NextBytes(bytes);
            clean += PiiPrefilter.CannotHoldPii(new Guid(bytes).ToString()) ? 1 : 0;
        }

        Assert.True(clean > 1900, $"{clean} of 2000 UUIDs clean");
    }

    /// <summary>
    /// Generated ids made of digit groups of every length joined by the separators the detectors use, with '0' starts,
    /// capitals and the odd '@', ':' or '+': whenever the pre-pass says clean, every detector must leave the id as it is.
    /// </summary>
    [Fact]
    public void CannotHoldPii_GeneratedIds_NeverCleanWhenADetectorChangesThem()
    {
        var random = new Random(2026);
        var clean = 0;
        var changed = 0;
        for (var i = 0; i < 300_000; i++)
        {
            var id = GeneratedId(random);
            var redacted = Full.Redact(id, new RedactionCounts());
            var pii = !string.Equals(redacted, id, StringComparison.Ordinal);
            changed += pii ? 1 : 0;
            if (PiiPrefilter.CannotHoldPii(id))
            {
                clean++;
                Assert.False(pii, $"pre-pass called '{id}' clean, the detectors made it '{redacted}'");
                Assert.Equal(id, Shipped.Redact(id, new RedactionCounts()));
            }
        }

        // Both sides reached often, or the check above proves little.
        Assert.True(changed > 3_000, $"{changed} ids with PII");
        Assert.True(clean > 40_000, $"{clean} ids called clean");
    }

    private static string GeneratedId(Random random)
    {
        const string separators = " .-/()";
        const string letters = "abcdefxyzQRS_";
        var builder = new StringBuilder();
        var groups = random.Next(1, 7);
        if (random.Next(4) == 0)
        {
            builder.Append(letters[random.Next(letters.Length)]).Append(random.Next(3) == 0 ? "" : "-");
        }

        // Half the ids are printed-number shaped (groups of 2-6 joined by one separator), where the card, phone, SSN and
        // IP rules sit at their edges; the rest are anything.
        var printed = random.Next(2) == 0;
        for (var g = 0; g < groups; g++)
        {
            var length = printed ? random.Next(2, 7) : random.Next(1, 9);
            for (var d = 0; d < length; d++)
            {
                // Leading 0s, 1s and 9s matter to the phone, card and SSN rules.
                var digit = (d == 0 && random.Next(3) == 0) ? "019"[random.Next(3)] : (char)('0' + random.Next(10));
                builder.Append(digit);
            }

            if (g + 1 < groups)
            {
                switch (printed ? random.Next(6) : random.Next(10))
                {
                    case < 6:
                        builder.Append(separators[random.Next(separators.Length)]);
                        break;
                    case < 8:
                        builder.Append(separators[random.Next(separators.Length)]).Append(separators[random.Next(separators.Length)]);
                        break;
                    case 8:
                        builder.Append(letters[random.Next(letters.Length)]);
                        break;
                    default:
                        builder.Append(CultureInfo.InvariantCulture, $"{"@:+AB"[random.Next(5)]}");
                        break;
                }
            }
        }

        return builder.ToString();
    }
}
