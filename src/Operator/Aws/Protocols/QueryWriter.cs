using System.Globalization;

namespace EcsOperator.Aws.Protocols;

/// <summary>
/// Writes awsQuery form parameters: nested members as dotted keys (Tags.member.1.Key), maps as entry.N.key/value,
/// booleans as true/false, numbers invariant, timestamps ISO 8601. Null members are left out; an empty list is sent
/// as "Name=" (as botocore does), which tells the service "empty" rather than "not given".
/// </summary>
public sealed class QueryWriter(IDictionary<string, string> parameters)
{
    public IDictionary<string, string> Parameters { get; } = parameters;

    public void Add(string key, string? value)
    {
        if (value is not null)
        {
            Parameters[key] = value;
        }
    }

    public void Add(string key, int? value) => Add(key, value?.ToString(CultureInfo.InvariantCulture));

    public void Add(string key, long? value) => Add(key, value?.ToString(CultureInfo.InvariantCulture));

    public void Add(string key, double? value) => Add(key, value?.ToString("R", CultureInfo.InvariantCulture));

    public void Add(string key, bool? value) => Add(key, value is null ? null : value.Value ? "true" : "false");

    public void Add(string key, DateTime? value) =>
        Add(key, value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    public void EmptyList(string key, int count)
    {
        if (count == 0)
        {
            Parameters[key] = string.Empty;
        }
    }
}
