using System.Text;

namespace ClusterPolicyMiner.Normalize.OpenCC;

/// <summary>One conversion step: a group of dictionaries tried in order at each position (OpenCC's
/// <c>short_circuit</c> policy: the first dictionary with any match wins, with its longest key); where none
/// matches, the character is copied. A single dictionary is a group of one.</summary>
internal sealed class OpenCcGroup
{
    private readonly OpenCcDictionary[] _dicts;
    private readonly bool[] _starts; // code unit -> some key of some dictionary starts with it

    public OpenCcGroup(IReadOnlyList<OpenCcDictionary> dicts)
    {
        _dicts = [.. dicts];
        _starts = new bool[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
            foreach (var d in _dicts)
                if (d.Starts((char)c)) { _starts[c] = true; break; }
    }

    /// <summary>Length of the group's match at the start of <paramref name="text"/>, 0 when none.</summary>
    public int MatchPrefix(ReadOnlySpan<char> text, out string? value)
    {
        value = null;
        if (text.IsEmpty || !_starts[text[0]]) return 0;
        foreach (var d in _dicts)
        {
            var length = d.MatchPrefix(text, out value);
            if (length > 0) return length;
        }
        return 0;
    }

    /// <summary>Converts the text left to right by longest match; returns the same instance when nothing
    /// matched. Unmatched runs are copied in bulk.</summary>
    public string Convert(string text)
    {
        StringBuilder? sb = null;
        var span = text.AsSpan();
        var copied = 0;
        var i = 0;
        while (i < span.Length)
        {
            if (!_starts[span[i]]) { i++; continue; }
            var length = MatchPrefix(span[i..], out var value);
            if (length == 0) { i++; continue; }
            sb ??= new StringBuilder(text.Length + 16);
            sb.Append(span[copied..i]).Append(value);
            i += length;
            copied = i;
        }
        if (sb is null) return text;
        return sb.Append(span[copied..]).ToString();
    }
}
