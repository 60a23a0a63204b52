using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EcsOperator.Controllers.Cluster;
using EcsOperator.Controllers.LoadBalancerBinding;
using EcsOperator.Controllers.Service;
using EcsOperator.Controllers.Shared;
using EcsOperator.Controllers.TaskDefinition;
using EcsOperator.Entities;
using EcsOperator.Tests.Aws;
using k8s;

namespace EcsOperator.Tests.Controllers.HostileText;

/// <summary>
/// A valid object of each kind with one text put into one field (the objects on its way created as needed), checked
/// with the kind's validation, and turned into the request the operator would send.
/// </summary>
internal static partial class HostileSpecs
{
    public const string BenignText = "plain";

    /// <summary>The map key <c>{value}</c> fields are written under.</summary>
    public const string ValueKey = "k";

    private static readonly Dictionary<string, string> Specs = new(StringComparer.Ordinal)
    {
        ["Cluster"] = "{}",
        ["TaskDefinition"] = """{"family":"web","containerDefinitions":[{"name":"web","image":"nginx:1.27","memory":512}]}""",
        ["Service"] = """{"cluster":"demo","taskDefinition":"web:1"}""",
        ["LoadBalancerBinding"] = """
            {"serviceRef":{"name":"web"},"containerName":"web","containerPort":80,
             "targetGroupArn":"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/0123456789abcdef"}
            """,
    };

    public static IEnumerable<string> Kinds => Specs.Keys;

    /// <summary>The field path an error must name: list items at [0], map entries as [key] (quoted as messages quote them).</summary>
    public static string ConcretePath(string template, string text) => template
        .Replace("[]", "[0]", StringComparison.Ordinal)
        .Replace("{key}", $"[{AwsFormats.Quote(text)}]", StringComparison.Ordinal)
        .Replace("{value}", $"[{ValueKey}]", StringComparison.Ordinal);

    public static IReadOnlyList<FieldError> Validate(string kind, string template, string? text) => kind switch
    {
        "Cluster" => ClusterValidation.Check(Read<V1alpha1Cluster>(kind, template, text)),
        "TaskDefinition" => TaskDefinitionValidation.Check(Read<V1alpha1TaskDefinition>(kind, template, text)),
        "Service" => ServiceValidation.Check(Read<V1alpha1Service>(kind, template, text)),
        "LoadBalancerBinding" => LoadBalancerBindingValidation.Check(Read<V1alpha1LoadBalancerBinding>(kind, template, text)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "add the kind's valid spec and validation to HostileSpecs"),
    };

    /// <summary>The JSON body the operator's AWS client posts for the object (RegisterTaskDefinition, CreateService).</summary>
    public static async Task<string> SentBodyAsync(string kind, string template, string text, CancellationToken cancellationToken)
    {
        using var endpoint = new RecordingEndpoint(new CannedResponse(200, "{}"));
        using var ecs = endpoint.Factory().CreateEcs();
        var noTags = new Dictionary<string, string>();
        switch (kind)
        {
            case "TaskDefinition":
                var taskDefinition = Read<V1alpha1TaskDefinition>(kind, template, text);
                await ecs.RegisterTaskDefinitionAsync(TaskDefinitionRequest.Build(taskDefinition.Spec, "web", noTags), cancellationToken);
                break;
            case "Service":
                var service = Read<V1alpha1Service>(kind, template, text);
                var desired = new DesiredService("web", "demo", "web:1", [], service.Spec);
                await ecs.CreateServiceAsync(ServiceRequest.Create(desired, noTags, "token"), cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "a free-text field of this kind: add the request it goes into");
        }

        return endpoint.Single.Body;
    }

    private static T Read<T>(string kind, string template, string? text)
    {
        var spec = JsonNode.Parse(Specs[kind])!.AsObject();
        if (text is not null)
        {
            Put(spec, template["spec.".Length..].Split('.'), text);
        }

        var json = new JsonObject
        {
            ["apiVersion"] = EntityGroup.ApiVersion,
            ["kind"] = kind,
            ["metadata"] = new JsonObject { ["name"] = "web", ["namespace"] = "hostile" },
            ["spec"] = spec,
        };
        return KubernetesJson.Deserialize<T>(json.ToJsonString());
    }

    private static void Put(JsonObject parent, ReadOnlySpan<string> segments, string text)
    {
        var segment = Segment().Match(segments[0]);
        var name = segment.Groups["name"].Value;
        var last = segments.Length == 1;
        switch (segment.Groups["suffix"].Value)
        {
            case "[]":
                var list = parent[name] as JsonArray ?? [];
                parent[name] = list;
                if (list.Count == 0)
                {
                    list.Add(last ? JsonValue.Create(text) : new JsonObject());
                }

                if (last)
                {
                    list[0] = JsonValue.Create(text);
                }
                else
                {
                    Put(list[0]!.AsObject(), segments[1..], text);
                }

                break;
            case "{key}":
                Child(parent, name)[text] = "v";
                break;
            case "{value}":
                Child(parent, name)[ValueKey] = text;
                break;
            case var keyed when keyed.StartsWith('['):
                Child(parent, name)[keyed[1..^1]] = text;
                break;
            default:
                if (last)
                {
                    parent[name] = text;
                }
                else
                {
                    Put(Child(parent, name), segments[1..], text);
                }

                break;
        }
    }

    private static JsonObject Child(JsonObject parent, string name)
    {
        if (parent[name] is JsonObject child)
        {
            return child;
        }

        var created = new JsonObject();
        parent[name] = created;
        return created;
    }

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9]+)(?<suffix>\[\]|\{key\}|\{value\}|\[[^\]]+\])?$")]
    private static partial Regex Segment();
}
