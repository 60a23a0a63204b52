using System.Globalization;

namespace EcsOperator.Controllers.TaskDefinition;

/// <summary>The task-level cpu/memory pairs Fargate accepts (CPU units, MiB), from the ECS developer guide.</summary>
public static class FargateSizes
{
    private static readonly Dictionary<int, int[]> MemoryByCpu = new()
    {
        [256] = [512, 1024, 2048],
        [512] = Range(1024, 4096, 1024),
        [1024] = Range(2048, 8192, 1024),
        [2048] = Range(4096, 16384, 1024),
        [4096] = Range(8192, 30720, 1024),
        [8192] = Range(16384, 61440, 4096),
        [16384] = Range(32768, 122880, 8192),
    };

    public static IEnumerable<int> CpuValues => MemoryByCpu.Keys;

    public static bool IsValid(int cpu, int memory) => MemoryByCpu.TryGetValue(cpu, out var memories) && memories.Contains(memory);

    /// <summary>The memory values Fargate accepts with <paramref name="cpu"/>; empty for an unknown cpu.</summary>
    public static IReadOnlyList<int> MemoryFor(int cpu) => MemoryByCpu.TryGetValue(cpu, out var memories) ? memories : [];

    /// <summary>
    /// "256" or "0.25 vCPU" as CPU units, "512" or "0.5 GB" as MiB (<paramref name="unit"/> is vCPU or GB);
    /// null when the text is neither.
    /// </summary>
    public static int? Parse(string? text, string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var scaled = trimmed.EndsWith(unit, StringComparison.OrdinalIgnoreCase);
        var number = scaled ? trimmed[..^unit.Length].Trim() : trimmed;
        if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return null;
        }

        return (int)(scaled ? amount * 1024 : amount);
    }

    private static int[] Range(int from, int to, int step) =>
        Enumerable.Range(0, ((to - from) / step) + 1).Select(i => from + (i * step)).ToArray();
}
