using System.Text.Json.Nodes;
using LocalKube.Extensibility;
using LocalKube.Registry;
using LocalKube.Server;
using LocalKube.Validation;
using Xunit;

namespace LocalKube.Tests.Validation;

public class SchemaValidatorTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {
          "type": "object",
          "properties": {
            "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
            "spec": {
              "type": "object",
              "required": ["clusterRef"],
              "properties": {
                "clusterRef": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
                "launchType": {"type": "string", "enum": ["EC2", "FARGATE", "EXTERNAL"]},
                "cpu": {"type": "string", "maxLength": 8},
                "desiredCount": {"type": "integer", "format": "int32", "minimum": 0, "maximum": 1000},
                "port": {"x-kubernetes-int-or-string": true},
                "deletionPolicy": {"type": "string", "default": "Delete"},
                "subnets": {"type": "array", "maxItems": 2, "items": {"type": "string", "pattern": "^subnet-"}},
                "tags": {"type": "object", "additionalProperties": {"type": "string"}},
                "extra": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}
              }
            },
            "status": {"type": "object", "properties": {"ready": {"type": "boolean"}}}
          }
        }
        """)!.AsObject();

    private static (JsonObject Obj, SchemaValidationResult Result) Run(string specJson)
    {
        var obj = JsonNode.Parse("""{"apiVersion":"ecs.operator.dev/v1alpha1","kind":"Service","metadata":{"name":"web","labels":{"a":"b"}},"spec":""" + specJson + "}")!.AsObject();
        return (obj, SchemaValidator.Validate(obj, (JsonObject)Schema.DeepClone()));
    }

    [Fact]
    public void Enum_violation_reads_like_the_apiserver()
    {
        var (_, result) = Run("""{"clusterRef":{"name":"demo"},"launchType":"FOO"}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.launchType: Unsupported value: \"FOO\": supported values: \"EC2\", \"FARGATE\", \"EXTERNAL\"", error.ToString());
        Assert.Equal("FieldValueNotSupported", error.CauseType);
    }

    [Fact]
    public void Wrong_type_names_the_expected_and_actual_types()
    {
        var (_, result) = Run("""{"clusterRef":{"name":"demo"},"cpu":256}""");

        var error = Assert.Single(result.Errors);
        Assert.Equal("spec.cpu: Invalid value: \"integer\": spec.cpu in body must be of type string: \"integer\"", error.ToString());
        Assert.Equal("FieldValueTypeInvalid", error.CauseType);
    }

    [Fact]
    public void Missing_required_fields_are_reported_at_their_path()
    {
        var (_, result) = Run("""{"clusterRef":{}}""");

        Assert.Equal("spec.clusterRef.name: Required value", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void Bounds_lengths_counts_and_patterns_are_enforced()
    {
        var (_, result) = Run("""{"clusterRef":{"name":"d"},"cpu":"123456789","desiredCount":5000,"subnets":["subnet-1","sg-2","subnet-3"]}""");

        var texts = result.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("spec.cpu: Too long: may not be longer than 8", texts);
        Assert.Contains("spec.desiredCount: Invalid value: 5000: spec.desiredCount in body should be less than or equal to 1000", texts);
        Assert.Contains("spec.subnets: Too many: 3: must have at most 2 items", texts);
        Assert.Contains("spec.subnets[1]: Invalid value: \"sg-2\": spec.subnets[1] in body should match '^subnet-'", texts);
    }

    [Fact]
    public void Int_or_string_accepts_both_and_rejects_others()
    {
        Assert.True(Run("""{"clusterRef":{"name":"d"},"port":80}""").Result.IsValid);
        Assert.True(Run("""{"clusterRef":{"name":"d"},"port":"http"}""").Result.IsValid);
        var error = Assert.Single(Run("""{"clusterRef":{"name":"d"},"port":true}""").Result.Errors);
        Assert.Contains("must be of type integer,string", error.Detail);
    }

    [Fact]
    public void Defaults_fill_absent_fields_and_keep_given_ones()
    {
        var (obj, _) = Run("""{"clusterRef":{"name":"d"}}""");
        Assert.Equal("Delete", obj["spec"]!["deletionPolicy"]!.GetValue<string>());

        var (kept, _) = Run("""{"clusterRef":{"name":"d"},"deletionPolicy":"Retain"}""");
        Assert.Equal("Retain", kept["spec"]!["deletionPolicy"]!.GetValue<string>());
    }

    [Fact]
    public void Unknown_fields_are_pruned_and_reported_but_preserved_where_the_schema_says_so()
    {
        var (obj, result) = Run("""{"clusterRef":{"name":"d","bogus":1},"typo":"x","extra":{"anything":{"goes":true}},"tags":{"team":"a"}}""");

        Assert.Equal(["spec.clusterRef.bogus", "spec.typo"], result.UnknownFields.Order().ToArray());
        Assert.Null(obj["spec"]!["typo"]);
        Assert.True(obj["spec"]!["extra"]!["anything"]!["goes"]!.GetValue<bool>());
        Assert.Equal("a", obj["spec"]!["tags"]!["team"]!.GetValue<string>());
        Assert.Equal("b", obj["metadata"]!["labels"]!["a"]!.GetValue<string>());
        Assert.Equal("unknown field \"spec.typo\"", result.Warnings.Order().Last());
    }

    [Fact]
    public void Invalid_status_carries_causes_and_the_aggregate_message()
    {
        var (_, result) = Run("""{"clusterRef":{"name":"d"},"launchType":"FOO"}""");

        // The server's path: the hook turns field errors into causes, Statuses.Invalid builds the 422.
        var service = new ResourceType { Group = "ecs.operator.dev", Version = "v1alpha1", Kind = "Service", Plural = "services", Singular = "service", Namespaced = true };
        var causes = result.Errors.Select(e => new FieldCause(e.CauseType, e.Field, e.ErrorBody())).ToList();
        var status = Statuses.Invalid(service, "web", causes).Status;

        Assert.Equal(422, status["code"]!.GetValue<int>());
        Assert.Equal("Invalid", status["reason"]!.GetValue<string>());
        Assert.StartsWith("Service.ecs.operator.dev \"web\" is invalid: spec.launchType: Unsupported value", status["message"]!.GetValue<string>());
        var cause = status["details"]!["causes"]![0]!;
        Assert.Equal("spec.launchType", cause["field"]!.GetValue<string>());
        Assert.Equal("FieldValueNotSupported", cause["reason"]!.GetValue<string>());
    }

    [Fact]
    public void Strict_unknown_fields_become_the_strict_decoding_error()
    {
        var status = ValidationStatus.StrictUnknownFields("Service", "v1alpha1", ["spec.typo"]);

        Assert.Equal(400, status["code"]!.GetValue<int>());
        Assert.Equal("Service in version \"v1alpha1\" cannot be handled as a Service: strict decoding error: unknown field \"spec.typo\"", status["message"]!.GetValue<string>());
    }
}

public class SchemaValidatorPrimitiveBackingTests
{
    [Fact]
    public void Schemas_and_objects_built_in_process_validate_like_parsed_json()
    {
        var schema = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "object",
            ["properties"] = new System.Text.Json.Nodes.JsonObject
            {
                ["count"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "integer", ["maximum"] = 1000L, ["enum"] = new System.Text.Json.Nodes.JsonArray(1, 5000) },
            },
        };
        var obj = new System.Text.Json.Nodes.JsonObject { ["count"] = 5000 };

        var result = LocalKube.Validation.SchemaValidator.Validate(obj, schema);

        Assert.Equal("count: Invalid value: 5000: count in body should be less than or equal to 1000", Assert.Single(result.Errors).ToString());
    }
}
