using System.Text.Json.Nodes;
using EcsOperator.Aws.Core;
using EcsOperator.Hosting;
using EcsOperator.Testing;
using Xunit;
using static EcsOperator.IntegrationTests.Packaging.ChartFiles;

namespace EcsOperator.IntegrationTests.Packaging;

/// <summary>
/// `helm template` with the defaults and with every option set. Rendered as release ecs-operator in
/// ecs-operator-system, the chart must produce what config/ (the kustomize install) holds, so the two paths cannot drift.
/// </summary>
public sealed class ChartRenderTests
{
    [Fact]
    public async Task The_rbac_rules_are_config_rbacs_which_derive_from_the_entity_kinds()
    {
        var rendered = await RenderAsync(await Helm.ForAsync(Helm.V3), ConfigReleaseName, ConfigNamespace);

        AssertSame(Config("rbac", "role.yaml")["rules"], Single(rendered, "ClusterRole", ConfigReleaseName)["rules"], "ClusterRole rules");
        AssertSame(Config("rbac", "metrics_reader_role.yaml")["rules"], Single(rendered, "ClusterRole", ConfigReleaseName + "-metrics-reader")["rules"], "metrics-reader rules");
        AssertSame(Config("rbac", "leader_election_role.yaml")["rules"], Single(rendered, "Role")["rules"], "leader-election Role rules");
        AssertSame(Config("rbac", "role_binding.yaml")["subjects"], Single(rendered, "ClusterRoleBinding")["subjects"], "ClusterRoleBinding subjects");
        AssertSame(Config("rbac", "leader_election_role_binding.yaml")["subjects"], Single(rendered, "RoleBinding")["subjects"], "RoleBinding subjects");
    }

    [Theory]
    [MemberData(nameof(Helm.Versions), MemberType = typeof(Helm))]
    public async Task The_default_pod_is_config_managers_pod_but_for_the_image(string helmVersion)
    {
        var rendered = await RenderAsync(await Helm.ForAsync(helmVersion), ConfigReleaseName, ConfigNamespace);

        var chartPod = PodSpecWithoutImage(Single(rendered, "Deployment"));
        var configPod = PodSpecWithoutImage(Config("manager", "deployment.yaml"));
        foreach (var field in new[] { "serviceAccountName", "securityContext", "volumes" })
        {
            AssertSame(configPod[field], chartPod[field], $"pod {field}");
        }

        var chartContainer = chartPod["containers"]![0]!;
        var configContainer = configPod["containers"]![0]!;
        foreach (var field in new[] { "name", "args", "env", "ports", "livenessProbe", "readinessProbe", "resources", "securityContext", "volumeMounts" })
        {
            AssertSame(configContainer[field], chartContainer[field], $"container {field}");
        }

        // Each replica names itself in its AWS calls' User-Agent from the downward API (else all would be pid-1).
        Assert.Equal("metadata.name", Str(configContainer["env"]!.AsArray().Single(e => Str(e!["name"]) == InstanceUserAgent.PodNameVariable)!["valueFrom"]!["fieldRef"]!["fieldPath"]));
        AssertSame(Config("manager", "deployment.yaml")["spec"]!["replicas"], Single(rendered, "Deployment")["spec"]!["replicas"], "replicas");
        AssertSame(Config("manager", "metrics_service.yaml")["spec"]!["ports"], Single(rendered, "Service")["spec"]!["ports"], "metrics Service ports");
        AssertSame(Config("manager", "pdb.yaml")["spec"]!["minAvailable"], Single(rendered, "PodDisruptionBudget")["spec"]!["minAvailable"], "PDB minAvailable");
        Assert.DoesNotContain(rendered, o => Str(o["kind"]) == "CustomResourceDefinition"); // crds/ is Helm's, not a template
    }

    [Fact]
    public async Task With_every_option_set_every_arg_is_an_ecs_operator_run_flag()
    {
        var rendered = await RenderAsync(await Helm.ForAsync(Helm.V3), "shard-a", "payments-ops", "--values", EveryOptionValues);

        var container = Single(rendered, "Deployment")["spec"]!["template"]!["spec"]!["containers"]![0]!;
        var args = container["args"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();
        var parsed = RunCommand.Build().Parse(args.Skip(1).ToList());
        Assert.True(parsed.Errors.Count == 0, string.Join("; ", parsed.Errors.Select(e => e.Message)));
        Assert.Equal("run", args[0]);
        Assert.Equal(
            ["--leader-elect", "--leader-election-id=shard-a-leader", "--leader-election-lease-duration=30s", "--leader-election-renew-deadline=20s",
             "--leader-election-retry-period=4s", "--region=eu-west-1", "--aws-budget-scale=0.5", "--resync-period=30m", "--workers=8",
             "--metrics-bind-address=:9090", "--metrics-cert-path=/etc/ecs-operator/metrics-certs", "--health-probe-bind-address=:8081", "--aws-endpoint-url=http://moto.example.internal:5000",
             "--cluster-id=prod-eu-1", "--namespace=payments", "--selector=shard=a", "--kubeconfig=/etc/ecs-operator/remote/kubeconfig"],
            args.Skip(1));
    }

    [Fact]
    public async Task Every_option_reaches_the_rendered_objects()
    {
        var rendered = await RenderAsync(await Helm.ForAsync(Helm.V3), "shard-a", "payments-ops", "--values", EveryOptionValues);

        var deployment = Single(rendered, "Deployment");
        var pod = deployment["spec"]!["template"]!;
        var container = pod["spec"]!["containers"]![0]!;
        Assert.Equal("registry.example.com/platform/ecs-operator@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", Str(container["image"]));
        Assert.Equal("Always", Str(container["imagePullPolicy"]));
        Assert.Equal(3, deployment["spec"]!["replicas"]!.GetValue<long>());
        Assert.Equal("Debug", Env(container, "Logging__LogLevel__Default"));
        Assert.Equal("regional", Env(container, "AWS_STS_REGIONAL_ENDPOINTS"));
        Assert.Equal("platform", Str(pod["metadata"]!["labels"]!["team"]));
        Assert.Equal("true", Str(pod["metadata"]!["annotations"]!["example.com/scrape"]));
        Assert.Equal("system-cluster-critical", Str(pod["spec"]!["priorityClassName"]));
        Assert.Equal("linux", Str(pod["spec"]!["nodeSelector"]!["kubernetes.io/os"]));
        Assert.Equal("dedicated", Str(pod["spec"]!["tolerations"]![0]!["key"]));
        Assert.NotNull(pod["spec"]!["affinity"]!["podAntiAffinity"]);
        Assert.Equal("topology.kubernetes.io/zone", Str(pod["spec"]!["topologySpreadConstraints"]![0]!["topologyKey"]));
        Assert.Equal("1Gi", Str(container["resources"]!["limits"]!["memory"]));
        Assert.Equal(9090, container["ports"]![0]!["containerPort"]!.GetValue<long>());

        var serviceAccount = Single(rendered, "ServiceAccount", "ecs-operator-shard-a");
        Assert.Equal("arn:aws:iam::111122223333:role/ecs-operator", Str(serviceAccount["metadata"]!["annotations"]!["eks.amazonaws.com/role-arn"]));
        Assert.Equal("ecs-operator-shard-a", Str(pod["spec"]!["serviceAccountName"]));
        Assert.Equal("ecs-operator-shard-a", Str(Single(rendered, "ClusterRoleBinding")["subjects"]![0]!["name"]));
        Assert.Equal(2, Single(rendered, "PodDisruptionBudget")["spec"]!["minAvailable"]!.GetValue<long>());
        var service = Single(rendered, "Service");
        Assert.Equal(9443, service["spec"]!["ports"]![0]!["port"]!.GetValue<long>());
        Assert.Equal("platform", Str(service["metadata"]!["annotations"]!["example.com/team"]));
        Assert.Equal("ecs-operator-metrics-tls", Str(pod["spec"]!["volumes"]!.AsArray().Single(v => Str(v!["name"]) == "metrics-certs")!["secret"]!["secretName"]));
    }

    [Fact]
    public async Task The_service_monitor_scrapes_https_with_the_service_account_token_or_plain_http_when_not_secure()
    {
        var helm = await Helm.ForAsync(Helm.V3);

        var secure = await RenderAsync(helm, "shard-a", "payments-ops", "--values", EveryOptionValues);
        var plain = await RenderAsync(helm, "ecs", "ops", "--set", "metrics.serviceMonitor.enabled=true", "--set", "metrics.secure=false");
        var none = await RenderAsync(helm, "ecs", "ops");

        var endpoint = Single(secure, "ServiceMonitor")["spec"]!["endpoints"]![0]!;
        Assert.Equal(("metrics", "https", "/var/run/secrets/kubernetes.io/serviceaccount/token"), (Str(endpoint["port"]), Str(endpoint["scheme"]), Str(endpoint["bearerTokenFile"])));
        Assert.Equal("ecs-operator-metrics.payments-ops.svc", Str(endpoint["tlsConfig"]!["serverName"]));
        Assert.Equal("kube-prometheus-stack", Str(Single(secure, "ServiceMonitor")["metadata"]!["labels"]!["release"]));
        AssertSame(Single(secure, "Service")["spec"]!["selector"], Single(secure, "ServiceMonitor")["spec"]!["selector"]!["matchLabels"], "ServiceMonitor selector");
        Assert.Equal("http", Str(Single(plain, "ServiceMonitor")["spec"]!["endpoints"]![0]!["scheme"]));
        Assert.Contains("--metrics-secure=false", Single(plain, "Deployment")["spec"]!["template"]!["spec"]!["containers"]![0]!["args"]!.AsArray().Select(a => Str(a)));
        Assert.DoesNotContain(none, o => Str(o["kind"]) == "ServiceMonitor");
        Assert.Equal([new JsonObject { ["nonResourceURLs"] = new JsonArray("/metrics"), ["verbs"] = new JsonArray("get") }.ToJsonString()],
            Single(none, "ClusterRole", "ecs-ecs-operator-metrics-reader")["rules"]!.AsArray().Select(r => r!.ToJsonString()));
    }

    [Fact]
    public async Task The_prometheus_rule_and_the_dashboard_configmap_carry_the_files_that_promtool_and_the_scrape_check()
    {
        var helm = await Helm.ForAsync(Helm.V3);

        var every = await RenderAsync(helm, "shard-a", "payments-ops", "--values", EveryOptionValues);
        var none = await RenderAsync(helm, "ecs", "ops");
        var defaultLabel = await RenderAsync(helm, "ecs", "ops", "--set", "metrics.grafanaDashboard.enabled=true");

        var rule = Single(every, "PrometheusRule");
        Assert.Equal("kube-prometheus-stack", Str(rule["metadata"]!["labels"]!["release"]));
        var rules = LocalKube.Serialization.YamlJson.ParseDocuments(File.ReadAllText(Path.Combine(Chart, "files", "prometheus-rules.yaml"))).Single();
        AssertSame(rules["groups"], rule["spec"]!["groups"], "PrometheusRule groups");
        var dashboard = Single(every, "ConfigMap", "shard-a-ecs-operator-dashboard");
        Assert.Equal(("ecs", "Platform"), (Str(dashboard["metadata"]!["labels"]!["dashboards"]), Str(dashboard["metadata"]!["annotations"]!["grafana_folder"])));
        AssertSame(JsonNode.Parse(File.ReadAllText(Path.Combine(Chart, "files", "grafana-dashboard.json"))), JsonNode.Parse(Str(dashboard["data"]!["ecs-operator.json"])!), "dashboard JSON");
        Assert.Equal("1", Str(Single(defaultLabel, "ConfigMap")["metadata"]!["labels"]!["grafana_dashboard"]));
        Assert.DoesNotContain(none, o => Str(o["kind"]) is "PrometheusRule" or "ConfigMap");
    }

    [Fact]
    public async Task Crds_install_templates_the_crds_of_crds_folder_with_the_keep_policy()
    {
        var helm = await Helm.ForAsync(Helm.V3);

        var kept = await RenderAsync(helm, "ecs", "ops", "--set", "crds.install=true");
        var notKept = await RenderAsync(helm, "ecs", "ops", "--set", "crds.install=true", "--set", "crds.keep=false");

        var shipped = Directory.GetFiles(Path.Combine(Chart, "crds"), "*.yaml")
            .Select(f => LocalKube.Serialization.YamlJson.ParseDocuments(File.ReadAllText(f)).Single())
            .ToDictionary(crd => Str(crd["metadata"]!["name"])!);
        var templated = kept.Where(o => Str(o["kind"]) == "CustomResourceDefinition").ToList();
        Assert.Equal(shipped.Keys.Order(StringComparer.Ordinal), templated.Select(c => Str(c["metadata"]!["name"])!).Order(StringComparer.Ordinal));
        foreach (var crd in templated)
        {
            Assert.Equal("keep", Str(crd["metadata"]!["annotations"]!["helm.sh/resource-policy"]));
            var withoutPolicy = crd.DeepClone().AsObject();
            withoutPolicy["metadata"]!.AsObject().Remove("annotations");
            AssertSame(shipped[Str(crd["metadata"]!["name"])!], withoutPolicy, $"templated {Str(crd["metadata"]!["name"])}");
        }

        Assert.All(
            notKept.Where(o => Str(o["kind"]) == "CustomResourceDefinition"),
            crd => Assert.Null(crd["metadata"]!["annotations"]?["helm.sh/resource-policy"]));
    }

    private static JsonObject PodSpecWithoutImage(JsonObject deployment)
    {
        var pod = deployment["spec"]!["template"]!["spec"]!.DeepClone().AsObject();
        foreach (var container in pod["containers"]!.AsArray())
        {
            container!.AsObject().Remove("image");
            container.AsObject().Remove("imagePullPolicy");
        }

        return pod;
    }

    private static string? Env(JsonNode container, string name) =>
        Str(container["env"]!.AsArray().Single(e => Str(e!["name"]) == name)!["value"]);

    private static void AssertSame(JsonNode? expected, JsonNode? actual, string what) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{what} differ between config/ and the chart:\nconfig: {expected?.ToJsonString()}\nchart:  {actual?.ToJsonString()}");
}
