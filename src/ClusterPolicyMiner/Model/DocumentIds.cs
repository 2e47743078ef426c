namespace ClusterPolicyMiner.Model;

/// <summary>The short form of a document id (its sha256) that every command prints and accepts, every report
/// shows and rule-file names use to tell two documents apart: the first 12 hex digits.</summary>
public static class DocumentIds
{
    public const int ShortLength = 12;

    public static string Short(string id) => id[..Math.Min(ShortLength, id.Length)];
}
