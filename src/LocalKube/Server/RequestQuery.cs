using System.Globalization;
using LocalKube.Extensibility;
using LocalKube.Storage;
using Microsoft.AspNetCore.Http;

namespace LocalKube.Server;

/// <summary>The query parameters of an API request, parsed once.</summary>
public sealed record RequestQuery(IQueryCollection Query, string? UserAgent)
{
    public string? Get(string name) => Query.TryGetValue(name, out var v) ? v.ToString() : null;

    public bool Flag(string name) => Get(name) is "true" or "1" or "True";

    public int Int(string name) =>
        int.TryParse(Get(name), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public bool IsWatch => Flag("watch");

    /// <summary>Write options; the field manager defaults to the user agent's product, as kube-apiserver does.</summary>
    public WriteOptions WriteOptions() => new()
    {
        DryRun = Get("dryRun") is "All",
        FieldManager = Get("fieldManager") ?? UserAgent?.Split('/')[0],
        FieldValidation = Get("fieldValidation") switch
        {
            // kube-apiserver's default when the parameter is absent is Warn (kubectl sends Strict explicitly).
            "Strict" => FieldValidationMode.Strict,
            "Ignore" => FieldValidationMode.Ignore,
            _ => FieldValidationMode.Warn,
        },
        Force = Flag("force"),
    };
}
