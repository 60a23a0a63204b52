using System.Security.Cryptography;

namespace LocalKube.Storage;

/// <summary>Completes <c>metadata.generateName</c> with five characters from the alphabet kube-apiserver uses.</summary>
public static class NameGenerator
{
    private const string Alphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Generate(string prefix)
    {
        Span<char> suffix = stackalloc char[5];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        var trimmed = prefix.Length > 58 ? prefix[..58] : prefix;
        return trimmed + new string(suffix);
    }
}
