using AwsFaultProxy;
using EcsOperator.Aws;
using EcsOperator.Aws.Ecs;
using EcsOperator.Aws.ElasticLoadBalancingV2;
using EcsOperator.IntegrationTests.Aws;
using EcsOperator.IntegrationTests.Controllers;
using EcsOperator.Testing;
using Xunit;

namespace EcsOperator.ReliabilityTests.Harness;

/// <summary>
/// One scenario's world, all its own: moto, the fault proxy (ECS front on, seeded) in this process, the LocalKube CLI
/// and the operator as child processes. The operator gets credentials made for this run, so that the secrets scan
/// can look for them; every child's output goes to a log file in <see cref="WorkDirectory"/>.
/// </summary>
internal sealed class ReliabilityStack : IAsyncDisposable
{
    public const string ClusterId = "reliability-kube-system-uid";

    private readonly List<OperatorProcess> _operators = [];
    private int _started;

    private ReliabilityStack(MotoServer moto, FaultProxy proxy, LocalKubeProcess kube, MotoSeed seed, string workDirectory, ReliabilityRun run)
    {
        Moto = moto;
        Proxy = proxy;
        Kube = kube;
        Seed = seed;
        WorkDirectory = workDirectory;
        Run = run;
        Objects = new KubeObjects(kube.Client);
        var aws = new AwsClientFactory(new AwsClientOptions { Region = MotoServer.Region, EndpointUrl = moto.Endpoint.ToString().TrimEnd('/') });
        Ecs = aws.CreateEcs();
        Elb = aws.CreateElbv2();
    }

    public MotoServer Moto { get; }

    public FaultProxy Proxy { get; }

    public LocalKubeProcess Kube { get; }

    public MotoSeed Seed { get; }

    public ReliabilityRun Run { get; }

    public string WorkDirectory { get; }

    public KubeObjects Objects { get; }

    /// <summary>Straight to moto, around the proxy: the tests' reads neither count nor meet faults.</summary>
    public IEcsApi Ecs { get; }

    public IElbv2Api Elb { get; }

    /// <summary>The AWS credentials the operator processes use: the secrets scan looks for them.</summary>
    public RunCredentials Credentials { get; } = RunCredentials.Create();

    public OperatorProcess? Current => _operators.LastOrDefault(o => !o.HasExited);

    public static async Task<ReliabilityStack> StartAsync(ReliabilityRun run, bool ecsSchedulerFast = true)
    {
        var token = TestContext.Current.CancellationToken;
        var work = Directory.CreateTempSubdirectory("ecs-reliability-").FullName;
        var moto = new MotoServer();
        await moto.InitializeAsync();
        foreach (var (key, value) in moto.ClientEnvironment)
        {
            Environment.SetEnvironmentVariable(key, value); // the seed script and the tests' own clients
        }

        var proxy = await FaultProxy.StartAsync(new FaultProxyOptions
        {
            Upstream = moto.Endpoint,
            Seed = run.Seed,
            EcsScheduler = true,
            EcsSchedulerDelay = ecsSchedulerFast ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(2),
        }, token);
        var seed = await MotoSeed.CreateAsync(moto, token);
        var kube = await LocalKubeProcess.StartAsync(work, ClusterId, token);
        return new ReliabilityStack(moto, proxy, kube, seed, work, run);
    }

    /// <summary>How the operator processes start; a test may add flags (leader election) or environment.</summary>
    public OperatorLaunch Launch(IReadOnlyDictionary<string, string>? extraEnvironment = null) =>
        new(Kube.KubeconfigPath, Proxy.Endpoint, ClusterId, OperatorEnvironment(extraEnvironment));

    /// <summary>Starts one more operator process; its log is operator-N.log.</summary>
    public OperatorProcess StartOperator(OperatorLaunch? launch = null)
    {
        var n = Interlocked.Increment(ref _started);
        var process = OperatorProcess.Start(launch ?? Launch(), Path.Combine(WorkDirectory, $"operator-{n}.log"));
        lock (_operators)
        {
            _operators.Add(process);
        }

        return process;
    }

    public int OperatorsStarted => _started;

    /// <summary>Every log line every child wrote so far.</summary>
    public IEnumerable<string> LogLines() =>
        Directory.EnumerateFiles(WorkDirectory, "*.log").SelectMany(File.ReadLines);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in _operators)
        {
            await process.DisposeAsync();
        }

        await Kube.DisposeAsync();
        await Proxy.DisposeAsync();
        await Moto.DisposeAsync();
        if (Environment.GetEnvironmentVariable("ECS_OPERATOR_RELIABILITY_KEEP") is not "1")
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
    }

    private Dictionary<string, string> OperatorEnvironment(IReadOnlyDictionary<string, string>? extra)
    {
        var environment = new Dictionary<string, string>(Moto.ClientEnvironment)
        {
            ["AWS_ENDPOINT_URL"] = Proxy.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = Credentials.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = Credentials.SecretAccessKey,
            ["AWS_SESSION_TOKEN"] = Credentials.SessionToken,
            ["Logging__LogLevel__Default"] = "Debug", // every line the operator can write is scanned
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }

        return environment;
    }
}

/// <summary>Credentials made for one run: distinctive enough that finding one in a log cannot be a coincidence.</summary>
internal sealed record RunCredentials(string AccessKeyId, string SecretAccessKey, string SessionToken)
{
    public static RunCredentials Create()
    {
        static string Random(int length) => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(length / 2));
        return new RunCredentials("AKIA" + Random(16), Random(40), "SESSION" + Random(40));
    }

    public IEnumerable<string> Values => [AccessKeyId, SecretAccessKey, SessionToken];
}
