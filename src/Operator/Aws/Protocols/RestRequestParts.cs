namespace EcsOperator.Aws.Protocols;

/// <summary>The HTTP method, path (with uri labels) and query string of one restJson1 request.</summary>
public sealed class RestRequestParts(string method, string pathTemplate)
{
    public string Method { get; } = method;

    public string PathTemplate { get; } = pathTemplate;

    public Dictionary<string, string> Labels { get; } = new(StringComparer.Ordinal);

    public List<KeyValuePair<string, string>> Query { get; } = [];

    public void BindLabel(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ArgumentException($"the uri label {name} is required", nameof(value));
        }

        Labels[name] = value;
    }

    public void AddQuery(string name, string? value)
    {
        if (value is not null)
        {
            Query.Add(new(name, value));
        }
    }
}
