using ClusterPolicyMiner.Compare.Eligibility;
using ClusterPolicyMiner.Emit;

namespace ClusterPolicyMiner.Cli;

// The objects some --json outputs print, named (not anonymous) so that their serialisation can be generated at
// build time (CliJson). The names and order of the properties are those of the output.

/// <summary><c>cpm list --json</c>.</summary>
internal sealed record ListView(IReadOnlyList<ListEntry> Documents);

/// <summary>One document of <c>cpm list --json</c>.</summary>
internal sealed record ListEntry(
    string Id, string ShortId, string? Jurisdiction, string? Kind, string? Title, string? Issued, string? Published,
    string Format, string Source, string? DuplicateOf, int Diagnostics);

/// <summary><c>cpm check --json</c>.</summary>
internal sealed record CheckView(
    DateOnly On, string? ProfileName, bool EligibleSomewhere, IReadOnlyList<string> Warnings, IReadOnlyList<DocumentCheck> Jurisdictions);

/// <summary><c>cpm search --json</c>.</summary>
internal sealed record SearchView(string? Query, IReadOnlyList<Commands.SearchCommand.Hit> Hits);

/// <summary><c>cpm rules --json</c>.</summary>
internal sealed record RulesView(string OutDir, IReadOnlyList<string> Files, IReadOnlyList<CoverageEntry> Coverage);

/// <summary>The line of a failed command under --json: <c>{"error": {"code": N, "message": "..."}}</c>.</summary>
internal sealed record ErrorView(ErrorBody Error);

/// <summary>The body of <see cref="ErrorView"/>.</summary>
internal sealed record ErrorBody(int Code, string Message);

/// <summary>The line of <c>cpm watch --json</c> for a listing page that could not be read.</summary>
internal sealed record ListingErrorLine(string Listing, string Status, string? Error);
