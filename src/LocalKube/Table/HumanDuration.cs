using System.Globalization;

namespace LocalKube.Table;

/// <summary>apimachinery's duration.HumanDuration: the "5m", "3h12m", "12d" texts an AGE column shows.</summary>
public static class HumanDuration
{
    public static string Format(TimeSpan d)
    {
        var seconds = (long)d.TotalSeconds;
        if (seconds < -1)
        {
            return "<invalid>";
        }

        if (seconds < 0)
        {
            return "0s";
        }

        if (seconds < 120)
        {
            return Text($"{seconds}s");
        }

        var minutes = (long)d.TotalMinutes;
        if (minutes < 10)
        {
            return seconds % 60 == 0 ? Text($"{minutes}m") : Text($"{minutes}m{seconds % 60}s");
        }

        if (minutes < 180)
        {
            return Text($"{minutes}m");
        }

        return Hours((long)d.TotalHours, minutes);
    }

    private static string Hours(long hours, long minutes)
    {
        if (hours < 8)
        {
            return minutes % 60 == 0 ? Text($"{hours}h") : Text($"{hours}h{minutes % 60}m");
        }

        if (hours < 48)
        {
            return Text($"{hours}h");
        }

        if (hours < 24 * 8)
        {
            return hours % 24 == 0 ? Text($"{hours / 24}d") : Text($"{hours / 24}d{hours % 24}h");
        }

        if (hours < 24 * 365 * 2)
        {
            return Text($"{hours / 24}d");
        }

        if (hours < 24 * 365 * 8)
        {
            var days = hours / 24 % 365;
            return days == 0 ? Text($"{hours / 24 / 365}y") : Text($"{hours / 24 / 365}y{days}d");
        }

        return Text($"{hours / 24 / 365}y");
    }

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
