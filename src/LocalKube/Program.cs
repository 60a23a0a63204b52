using System.Globalization;
using System.Runtime.InteropServices;
using LocalKube;
using Microsoft.Extensions.Logging;

// dotnet run --project src/LocalKube -- --port 16443 --kubeconfig-out <path> [--crds <dir>] [--tls]
var options = new LocalKubeOptions { Port = 16443, KubeconfigPath = Path.Combine(".localkube", "kubeconfig") };
for (var i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--port":
            options.Port = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--kubeconfig-out":
            options.KubeconfigPath = Next();
            break;
        case "--crds":
            options.CrdDirectory = Next();
            break;
        case "--tls":
            options.UseTls = true;
            break;
        case "--watch-history":
            options.WatchHistorySize = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--kube-system-uid":
            options.KubeSystemUid = Next();
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument {args[i]}; usage: --port N --kubeconfig-out PATH [--crds DIR] [--tls] [--watch-history N] [--kube-system-uid UID]");
            return 2;
    }
}

using var loggerFactory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
options.LoggerFactory = loggerFactory;
using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
await using (var kube = await LocalKubeServer.StartAsync(options, stop.Token))
{
    Console.WriteLine($"READY kubeconfig={kube.Kubeconfig.Path} url={kube.BaseUri}");
    try
    {
        await Task.Delay(Timeout.Infinite, stop.Token);
    }
    catch (OperationCanceledException)
    {
        // SIGINT or SIGTERM: shut down cleanly.
    }
}

return 0;
