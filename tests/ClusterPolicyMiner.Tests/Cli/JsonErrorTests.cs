using System.Text.Json;
using ClusterPolicyMiner.Cli;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Cli;

/// <summary>With <c>--json</c> (or <c>--format json</c>) a usage error or a store fault is also one JSON object
/// <c>{"error": {"code": N, "message": "..."}}</c> on standard output; the stderr line and the exit code are as without it.</summary>
public sealed class JsonErrorTests
{
    private static Task<(int Code, string Out, string Err)> Cpm(params string[] args) => CpmRunner.Run(args);

    /// <summary>The last line of standard output read as the error object: its code and its message.</summary>
    private static (int Code, string Message) Error(string stdout)
    {
        var last = stdout.TrimEnd('\n').Split('\n')[^1];
        var error = JsonDocument.Parse(last).RootElement.GetProperty("error");
        return (error.GetProperty("code").GetInt32(), error.GetProperty("message").GetString()!);
    }

    private static string NotAStore(TempFolder dir)
    {
        var db = dir.File("notes.db");
        File.WriteAllText(db, "this is not an SQLite file, and it is long enough to have a header of sorts\n");
        return db;
    }

    [Theory]
    [InlineData("list", "--json")]
    [InlineData("search", "集群", "--json")]
    [InlineData("compare", "--json")]
    [InlineData("compare", "--format", "json")]
    [InlineData("compare", "--format=json")]
    public async Task AStoreFaultWithJsonIsAlsoAnErrorObjectWithCode3AndTheStderrLinesMessage(params string[] args)
    {
        using var dir = new TempFolder();
        var db = NotAStore(dir);
        var (code, stdout, err) = await Cpm([.. args, "--db", db]);
        Assert.Equal(ExitCodes.Fault, code);
        Assert.Equal($"cpm: {db}: not a cpm store (the file is not an SQLite database)", err.Trim());
        Assert.Equal((ExitCodes.Fault, $"{db}: not a cpm store (the file is not an SQLite database)"), Error(stdout));
        Assert.Single(stdout.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task AFaultInTheMiddleOfAJsonLinesStreamEndsItWithOneMoreLineThatIsTheError()
    {
        using var dir = new TempFolder();
        var notice = dir.File("n.txt");
        File.WriteAllText(notice, "第一条 为促进中小企业发展，制定本办法。\n");
        var (code, stdout, _) = await Cpm("ingest", notice, "--json", "--db", NotAStore(dir));
        Assert.Equal(ExitCodes.Fault, code);
        Assert.All(stdout.TrimEnd('\n').Split('\n'), line => JsonDocument.Parse(line));
        Assert.Equal(ExitCodes.Fault, Error(stdout).Code);
    }

    [Fact]
    public async Task AnUnknownIdWithJsonIsAnErrorObjectWithCode2()
    {
        using var dir = new TempFolder();
        var (code, stdout, err) = await Cpm("show", "deadbeef", "--json", "--db", dir.File("s.db"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Single(err.Trim().Split('\n'));
        var (errorCode, message) = Error(stdout);
        Assert.Equal(ExitCodes.Usage, errorCode);
        Assert.Equal(err.Trim(), "cpm: " + message);
        Assert.Contains("deadbeef", message);
    }

    [Fact]
    public async Task AnOptionTheParserRejectsWithJsonIsAnErrorObjectWithCode2AndStderrStaysAsItWas()
    {
        using var dir = new TempFolder();
        var (code, stdout, err) = await Cpm("list", "--json", "--frobnicate", "--db", dir.File("s.db"));
        var (plainCode, plainOut, plainErr) = await Cpm("list", "--frobnicate", "--db", dir.File("s.db"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal(plainCode, code);
        Assert.Equal(plainErr, err);
        Assert.Equal("", plainOut);
        var (errorCode, message) = Error(stdout);
        Assert.Equal(ExitCodes.Usage, errorCode);
        Assert.Contains("--frobnicate", message);
    }

    [Fact]
    public async Task WithoutJsonAFailurePrintsNothingOnStandardOutput()
    {
        using var dir = new TempFolder();
        var (code, stdout, _) = await Cpm("list", "--db", NotAStore(dir));
        Assert.Equal(ExitCodes.Fault, code);
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData(true, "list", "--json")]
    [InlineData(true, "compare", "--format", "json")]
    [InlineData(true, "compare", "--format:json")]
    [InlineData(false, "compare", "--format", "md")]
    [InlineData(false, "compare", "--format")]
    [InlineData(false, "search", "--", "--json")]
    [InlineData(false, "list")]
    public void JsonIsAskedForByJsonOrFormatJsonBeforeAnyDoubleDash(bool asked, params string[] args) =>
        Assert.Equal(asked, CpmApp.AsksForJson(args));
}
