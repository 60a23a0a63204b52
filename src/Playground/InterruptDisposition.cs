using System.Runtime.InteropServices;

namespace EcsOperator.Playground;

/// <summary>
/// Whether this process inherited "ignore SIGINT", and undoing that. A shell without job control (a script's
/// <c>cmd &amp;</c>, nohup, many CI runners and test harnesses) starts background commands with SIGINT ignored, and
/// .NET respects an ignored signal: PosixSignalRegistration then never sees it. A Ctrl-C or a <c>kill -INT</c> to the
/// process group stopped moto (which installs its own handler) but left the playground running. The playground is
/// started to be stopped by Ctrl-C, so it takes SIGINT back before registering its handler.
/// </summary>
internal static partial class InterruptDisposition
{
    private const int SigInt = 2; // the same number on Linux and macOS
    private const nint SigDfl = 0;
    private const nint SigIgn = 1;

    /// <summary>True when SIGINT is ignored right now (inherited from the parent).</summary>
    public static bool IsIgnored() => Current() == SigIgn;

    /// <summary>True when SIGINT has its default action (terminate), so no .NET handler is installed.</summary>
    public static bool IsDefault() => Current() == SigDfl;

    /// <summary>SIGINT back to its default action, so that the runtime installs its handler on registration.</summary>
    public static void RestoreDefault() => Set(SigDfl);

    /// <summary>SIGINT ignored again: better than dying on it without stopping LocalKube and moto.</summary>
    public static void Ignore() => Set(SigIgn);

    private static nint Current()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return -1;
        }

        return SigAction(SigInt, 0, out var old) == 0 ? old.Handler : -1;
    }

    private static void Set(nint disposition)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            _ = Signal(SigInt, disposition);
        }
    }

    /// <summary>The start of struct sigaction, which is the handler on Linux and macOS; sized beyond the whole struct.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 256)]
    private struct SigActionPrefix
    {
        public nint Handler;
    }

    [LibraryImport("libc", EntryPoint = "sigaction")]
    private static partial int SigAction(int signal, nint newAction, out SigActionPrefix oldAction);

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}
