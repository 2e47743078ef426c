namespace ClusterPolicyMiner.Emit;

/// <summary>A file to write: a path relative to the output folder (forward slashes) and its UTF-8 text.
/// The emitters only build contents; the caller writes them.</summary>
public sealed record EmittedFile(string RelativePath, string Content);
