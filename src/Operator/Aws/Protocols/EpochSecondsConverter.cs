using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcsOperator.Aws.Protocols;

/// <summary>awsJson1_1 and restJson1 timestamps: epoch seconds with a fraction (1700000000.123), UTC.</summary>
public sealed class EpochSecondsConverter : JsonConverter<DateTime?>
{
    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        double seconds = reader.TokenType switch
        {
            JsonTokenType.Number => reader.GetDouble(),
            JsonTokenType.String when double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => s,
            JsonTokenType.String when DateTime.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d) => (d - DateTime.UnixEpoch).TotalSeconds,
            _ => throw new JsonException($"a timestamp must be epoch seconds, not {reader.TokenType}"),
        };
        return DateTime.UnixEpoch.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));
    }

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        var seconds = (value.Value.ToUniversalTime() - DateTime.UnixEpoch).Ticks / (decimal)TimeSpan.TicksPerSecond;
        writer.WriteNumberValue(seconds);
    }
}
