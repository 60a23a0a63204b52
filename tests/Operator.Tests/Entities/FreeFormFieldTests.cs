using System.Text.Json.Nodes;
using EcsOperator.Entities;
using k8s;
using Xunit;

namespace EcsOperator.Tests.Entities;

/// <summary>Free-form JSON fields (a lifecycle hook's hookDetails) keep their shape and scalar types both ways.</summary>
public sealed class FreeFormFieldTests
{
    private const string Yaml = """
        apiVersion: ecs.operator.dev/v1alpha1
        kind: Service
        metadata:
          name: web
        spec:
          cluster: demo
          taskDefinition: web:1
          deploymentConfiguration:
            strategy: BLUE_GREEN
            lifecycleHooks:
            - targetType: AWS_LAMBDA
              hookTargetArn: arn:aws:lambda:us-east-1:123456789012:function:check
              lifecycleStages: [POST_TEST_TRAFFIC_SHIFT]
              hookDetails:
                threshold: 5
                ratio: 0.5
                strict: true
                name: smoke
                checks: [{path: /healthz, status: 200}]
        """;

    [Fact]
    public void HookDetails_survives_yaml_to_json()
    {
        var service = KubernetesYaml.Deserialize<V1alpha1Service>(Yaml, strict: true);

        var details = JsonNode.Parse(KubernetesJson.Serialize(service))!["spec"]!["deploymentConfiguration"]!["lifecycleHooks"]![0]!["hookDetails"]!;

        var expected = YamlTree.LoadAll(Yaml).Single()["spec"]!["deploymentConfiguration"]!["lifecycleHooks"]![0]!["hookDetails"]!;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected.ToJsonString()), details), details.ToJsonString());
    }

    [Fact]
    public void HookDetails_survives_json_to_yaml_and_back()
    {
        var written = YamlTree.LoadAll(Yaml).Single();
        var service = KubernetesJson.Deserialize<V1alpha1Service>(written.ToJsonString());

        var reread = KubernetesYaml.Deserialize<V1alpha1Service>(KubernetesYaml.Serialize(service));

        JsonTrees.AssertSame(written, JsonNode.Parse(KubernetesJson.Serialize(reread))!.AsObject(), "hookDetails");
    }
}
