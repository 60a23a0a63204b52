using System.Text.Json.Nodes;
using EcsOperator.Testing;
using LocalKube.Serialization;

namespace EcsOperator.IntegrationTests.Operations;

/// <summary>The chart's monitoring files: the Grafana dashboard and the Prometheus alert rules, with their queries.</summary>
public static class MonitoringFiles
{
    public static string Dashboard => RepositoryRoot.Combine("charts", "ecs-operator", "files", "grafana-dashboard.json");

    public static string Rules => RepositoryRoot.Combine("charts", "ecs-operator", "files", "prometheus-rules.yaml");

    public static string RuleTests => RepositoryRoot.Combine("tests", "Operator.IntegrationTests", "Operations", "prometheus-rules.test.yaml");

    /// <summary>Every panel target's expr, by panel title.</summary>
    public static IReadOnlyList<(string Panel, string Expression)> DashboardQueries()
    {
        var dashboard = JsonNode.Parse(File.ReadAllText(Dashboard))!;
        return [.. dashboard["panels"]!.AsArray()
            .SelectMany(panel => (panel!["targets"]?.AsArray() ?? []).Select(target => (
                panel["title"]!.GetValue<string>(),
                target!["expr"]!.GetValue<string>())))];
    }

    /// <summary>Every alert's expr, by alert name.</summary>
    public static IReadOnlyList<(string Alert, string Expression)> AlertQueries()
    {
        var rules = YamlJson.ParseDocuments(File.ReadAllText(Rules)).Single();
        return [.. rules["groups"]!.AsArray()
            .SelectMany(group => group!["rules"]!.AsArray())
            .Select(rule => (rule!["alert"]!.GetValue<string>(), rule["expr"]!.GetValue<string>()))];
    }
}
