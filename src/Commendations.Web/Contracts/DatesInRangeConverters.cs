using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Commendations.Domain.Calendar;

namespace Commendations.Web.Contracts;

/// <summary>
/// Dates read from a body lie in the years the system works with (<see cref="CalendarYears"/>): a decision dated
/// 9999-12-31 or a campaign starting in year 1 is a typing slip, refused at the edge for every field. Use cases check the
/// narrower rules of their own (a decision not in the future, a period that ends after it starts).
/// </summary>
public static class DatesInRangeConverters
{
    public const string OutOfRange = "date-out-of-range";

    public static void AddTo(IList<JsonConverter> converters)
    {
        converters.Add(new DateOnlyConverter());
        converters.Add(new DateTimeOffsetConverter());
        converters.Add(new DateTimeConverter());
    }

    private static T InRange<T>(T value, int year) =>
        year is >= CalendarYears.First and <= CalendarYears.Last ? value : throw new JsonException(OutOfRange);

    private sealed class DateOnlyConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String
                || !DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new JsonException("The JSON value could not be converted to System.DateOnly.");
            return InRange(date, date.Year);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var instant))
                throw new JsonException("The JSON value could not be converted to System.DateTimeOffset.");
            return InRange(instant, instant.Year);
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private sealed class DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var instant))
                throw new JsonException("The JSON value could not be converted to System.DateTime.");
            return InRange(instant, instant.Year);
        }

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
