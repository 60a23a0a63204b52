using System.Globalization;
using System.Text;

namespace EcsOperator.Playground;

/// <summary>
/// Shows KIND, NAME, READY, DETAILS (each kind's printer columns), REASON and MESSAGE for the applied objects, and
/// only what changed. On a terminal it redraws the table in place; when output is redirected (a log, a CI job, a
/// test) it writes no control codes, just one timestamped line per row that changed (and the header again when
/// the DETAILS column widens).
/// </summary>
public sealed class LiveTable(TextWriter output, bool interactive, Func<int> terminalWidth)
{
    private static readonly CompositeFormat Format = CompositeFormat.Parse("{0,-16} {1,-24} {2,-7} {3} {4,-24} {5}");
    private readonly Dictionary<string, string> _shown = new(StringComparer.Ordinal);

    // Only ever grows, so that a row is printed again when it changed, not when another row's details got longer.
    private int _detailsWidth = "DETAILS".Length;
    private int _linesDrawn;
    private int _headerWrittenForWidth = -1;

    /// <summary>A table for the real console: interactive unless stdout is redirected.</summary>
    public static LiveTable ForConsole() =>
        new(Console.Out, !Console.IsOutputRedirected, () => Console.IsOutputRedirected ? int.MaxValue : Math.Max(40, Console.WindowWidth));

    public void Show(IReadOnlyList<ObjectState> states)
    {
        _detailsWidth = states.Select(s => s.Details.Length).Append(_detailsWidth).Max();
        var rows = states.Select(s => (Key: $"{s.Kind}/{s.Name}", Line: Row(s))).ToList();
        var changed = rows.Where(r => !_shown.TryGetValue(r.Key, out var before) || before != r.Line).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        foreach (var (key, line) in changed)
        {
            _shown[key] = line;
        }

        if (interactive)
        {
            Redraw(rows.Select(r => r.Line).ToList());
        }
        else
        {
            AppendChanges(changed.Select(r => r.Line));
        }

        output.Flush();
    }

    private string Row(ObjectState s) =>
        string.Format(CultureInfo.InvariantCulture, Format, s.Kind, s.Name, s.ReadyStatus, s.Details.PadRight(_detailsWidth), s.Reason, s.Message);

    private string Header() =>
        string.Format(CultureInfo.InvariantCulture, Format, "KIND", "NAME", "READY", "DETAILS".PadRight(_detailsWidth), "REASON", "MESSAGE");

    private void Redraw(List<string> lines)
    {
        if (_linesDrawn > 0)
        {
            // Up to the table's first line, then clear to the end of the screen.
            output.Write($"\u001b[{_linesDrawn}A\u001b[J");
        }

        var width = terminalWidth();
        foreach (var line in lines.Prepend(Header()))
        {
            // Truncated to the terminal, so that no row wraps and the cursor arithmetic above stays right.
            output.WriteLine(line.Length < width ? line : line[..(width - 1)]);
        }

        _linesDrawn = lines.Count + 1;
    }

    private void AppendChanges(IEnumerable<string> lines)
    {
        if (_headerWrittenForWidth != _detailsWidth)
        {
            // Again when DETAILS widened, so that the columns below it line up with a header.
            output.WriteLine($"{"TIME",-8} {Header()}");
            _headerWrittenForWidth = _detailsWidth;
        }

        var time = DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var line in lines)
        {
            output.WriteLine($"{time} {line}");
        }
    }
}
