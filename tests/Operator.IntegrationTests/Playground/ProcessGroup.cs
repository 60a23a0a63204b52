using System.Globalization;

namespace EcsOperator.IntegrationTests.Playground;

/// <summary>One process of a process group, as /proc shows it.</summary>
internal sealed record GroupMember(int Pid, string Name)
{
    public override string ToString() => $"{Name} (pid {Pid})";
}

/// <summary>The live (not zombie) processes of one process group, read from /proc (Linux).</summary>
internal static class ProcessGroup
{
    public static IReadOnlyList<GroupMember> LiveMembers(int processGroupId)
    {
        var members = new List<GroupMember>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && TryReadStat(pid) is { } stat && stat.ProcessGroupId == processGroupId && stat.State != 'Z')
            {
                members.Add(new GroupMember(pid, stat.Name));
            }
        }

        return members;
    }

    /// <summary>The process group of <paramref name="pid"/>, or null when it is gone.</summary>
    public static int? Of(int pid) => TryReadStat(pid)?.ProcessGroupId;

    private static (string Name, char State, int ProcessGroupId)? TryReadStat(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // exited while we looked
        }

        // "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses, so split after the last ')'.
        var open = stat.IndexOf('(', StringComparison.Ordinal);
        var close = stat.LastIndexOf(')');
        var fields = stat[(close + 2)..].Split(' ');
        return (stat[(open + 1)..close], fields[0][0], int.Parse(fields[2], CultureInfo.InvariantCulture));
    }
}
