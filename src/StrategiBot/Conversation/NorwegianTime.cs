using System.Globalization;

namespace StrategiBot.Conversation;

/// <summary>Times shown to users: stored in UTC, read in Norway.</summary>
internal static class NorwegianTime
{
    private static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nb-NO");

    /// <summary>Norway's zone; a slim container without time-zone data gets the same rules built in.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>The day it is in Norway at <paramref name="at"/>.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>"22. november 2026" as the date is in Norway at <paramref name="at"/>.</summary>
    public static string Date(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("d. MMMM yyyy", Culture);

    /// <summary>The same day in Norway, written for an English sentence ("7 December 2026").</summary>
    public static string EnglishDate(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return CentralEuropeanTime();
        }
    }

    /// <summary>UTC+1, and UTC+2 from the last Sunday of March to the last Sunday of October (the EU rule since 1996).</summary>
    internal static TimeZoneInfo CentralEuropeanTime()
    {
        var summer = TimeZoneInfo.AdjustmentRule.CreateAdjustmentRule(
            new DateTime(1996, 1, 1, 0, 0, 0, DateTimeKind.Unspecified),
            DateTime.MaxValue.Date,
            TimeSpan.FromHours(1),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 2, 0, 0, DateTimeKind.Unspecified), 3, 5, DayOfWeek.Sunday),
            TimeZoneInfo.TransitionTime.CreateFloatingDateRule(new DateTime(1, 1, 1, 3, 0, 0, DateTimeKind.Unspecified), 10, 5, DayOfWeek.Sunday));
        return TimeZoneInfo.CreateCustomTimeZone("Europe/Oslo", TimeSpan.FromHours(1), "Norsk tid", "Norsk normaltid", "Norsk sommertid", [summer]);
    }
}
