using System.Text.RegularExpressions;

namespace ClusterPolicyMiner.Normalize;

/// <summary>Shapes of lines that open a structural unit of a notice: 第X章/节/条/款, （一）, 一、, 1. (not a
/// decimal such as 1.5), 附件, 附表, 附：. One pattern for every stage that asks where a paragraph may start.</summary>
internal static partial class StructuralMarker
{
    [GeneratedRegex(@"^\s*(?:第[一二三四五六七八九十百零〇两\d]{1,5}[章节節条條编編款]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}\s*[.．、](?!\d)|附件|附表|附[:：])")]
    private static partial Regex Pattern();

    public static bool StartsLine(string line) => Pattern().IsMatch(line);
}
