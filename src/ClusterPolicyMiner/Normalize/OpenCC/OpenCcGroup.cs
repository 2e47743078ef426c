namespace ClusterPolicyMiner.Normalize.OpenCC;

/// <summary>One conversion step: a group of dictionaries tried in order at each position (OpenCC's
/// <c>short_circuit</c> policy: the first dictionary with any match wins, with its longest key); where none
/// matches, the character is copied. A single dictionary is a group of one.</summary>
/// <remarks>Most code units decide the step on their own: no key of any dictionary in the group is longer than
/// one unit and starts with them, so the outcome is a fixed character (itself, or the first dictionary's
/// one-character value). Those are read from one table; only the others (phrase starts, surrogates, values of
/// several units) go through the dictionaries.</remarks>
internal sealed class OpenCcGroup
{
    private const int Complex = 1 << 16;

    private readonly OpenCcDictionary[] _dicts;
    private readonly bool[] _starts; // code unit -> some key of some dictionary starts with it
    private readonly int[] _table;   // code unit -> its output character, or Complex: ask the dictionaries

    public OpenCcGroup(IReadOnlyList<OpenCcDictionary> dicts)
    {
        _dicts = [.. dicts];
        _starts = new bool[char.MaxValue + 1];
        _table = new int[char.MaxValue + 1];
        for (var c = 0; c <= char.MaxValue; c++)
        {
            _table[c] = c;
            foreach (var d in _dicts)
            {
                if (!d.Starts((char)c)) continue;
                _starts[c] = true;
                // The first dictionary with a key at c decides; a longer key there may or may not match.
                _table[c] = d.StartsLonger((char)c) || d.Single((char)c) is not { Length: 1 } single ? Complex : single[0];
                break;
            }
        }
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

    /// <summary>True when converting <paramref name="text"/> would change nothing: no unit is mapped to
    /// another and none needs the dictionaries.</summary>
    public bool Leaves(ReadOnlySpan<char> text)
    {
        var table = _table;
        foreach (var c in text)
            if (table[c] != c) return false;
        return true;
    }

    /// <summary>Converts <paramref name="text"/> left to right by longest match and appends the result to
    /// <paramref name="output"/> from <paramref name="at"/> on (growing it when needed); returns the end of
    /// what was written.</summary>
    public int Convert(ReadOnlySpan<char> text, ref char[] output, int at)
    {
        // Invariant: output has room for one unit per unit of text still to read.
        if (output.Length - at < text.Length) Array.Resize(ref output, Grown(output.Length, at + text.Length));
        var table = _table;
        var o = at;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var t = table[c];
            if (t != Complex)
            {
                output[o++] = (char)t;
                i++;
                continue;
            }
            var length = MatchPrefix(text[i..], out var value);
            if (length == 0)
            {
                output[o++] = c;
                i++;
                continue;
            }
            var need = o + value!.Length + (text.Length - i - length);
            if (need > output.Length) Array.Resize(ref output, Grown(output.Length, need));
            value.CopyTo(output.AsSpan(o));
            o += value.Length;
            i += length;
        }
        return o;
    }

    private static int Grown(int length, int need) => Math.Max(need, (int)Math.Min(Array.MaxLength, 2L * length));
}
