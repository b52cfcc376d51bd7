using System.Globalization;
using StrategiBot.Conversation;

namespace StrategiBot.Tests.Conversation;

/// <summary>Dates shown to users are Norway's, also on a machine without time-zone data.</summary>
public sealed class NorwegianTimeTests
{
    [Theory]
    [InlineData("2026-03-01T23:30:00Z", "2. mars 2026")]
    [InlineData("2026-07-31T22:30:00Z", "1. august 2026")]
    [InlineData("2026-07-31T21:30:00Z", "31. juli 2026")]
    [InlineData("2026-12-31T23:00:00Z", "1. januar 2027")]
    public void A_date_is_the_date_in_Norway(string utc, string expected) =>
        Assert.Equal(expected, NorwegianTime.Date(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-01-15T12:00:00Z")]
    [InlineData("2026-03-29T00:59:00Z")]
    [InlineData("2026-03-29T01:00:00Z")]
    [InlineData("2026-10-25T00:59:00Z")]
    [InlineData("2026-10-25T01:00:00Z")]
    [InlineData("2031-06-01T12:00:00Z")]
    public void The_built_in_rules_match_the_system_zone(string utc)
    {
        var at = DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture);

        Assert.Equal(
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo").GetUtcOffset(at),
            NorwegianTime.CentralEuropeanTime().GetUtcOffset(at));
    }
}
