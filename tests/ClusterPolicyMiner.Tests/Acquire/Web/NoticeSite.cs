using System.IO.Compression;
using System.Text;
using ClusterPolicyMiner.Tests.Support;

namespace ClusterPolicyMiner.Tests.Acquire.Web;

/// <summary>A provincial portal in miniature on <see cref="LocalHttpServer"/>: notices in GBK, Big5,
/// UTF-8 and PDF, redirects, a 304-aware document, a busy and a broken page, a slow one, an oversize
/// one, and a robots.txt that closes /private/.</summary>
internal static class NoticeSite
{
    public const string GbkText = "<html><head><meta charset=\"gbk\"><title>通知</title></head><body><h1>陕西省工业和信息化厅关于组织开展2024年度中小企业特色产业集群申报工作的通知</h1><p>集群主导产业产值占集群总产值比例原则上不低于50%。</p></body></html>";
    // No charset anywhere in the markup: only the Content-Type header names Big5.
    public const string Big5Text = "<html><head><title>通知</title></head><body><h1>關於組織開展2025年度中小企業特色產業集群申報的通知</h1><p>近三年主導產業產值均不低於10億元。</p></body></html>";
    public const string Utf8Text = "<html><head><meta charset=\"utf-8\"></head><body><p>青海省促进中小企业特色产业集群发展实施细则</p></body></html>";
    public const string NoticeETag = "\"gbk-v1\"";
    public const string BusyPath = "/busy";
    public static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(7);

    public static byte[] Gbk => Encode("gbk", GbkText);

    public static byte[] Big5 => Encode("big5", Big5Text);

    public static byte[] Pdf { get; } = TinyPdf.Build("Characteristic industrial cluster notice");

    public static byte[] Encode(string charset, string text)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(charset).GetBytes(text);
    }

    /// <summary>The site with a listing page of notice links at <see cref="ListingPath"/> (ETag "list-v1").</summary>
    public static LocalHttpServer StartWithListing(string listingHtml)
    {
        var server = Start();
        server.MapDocument(ListingPath, System.Text.Encoding.UTF8.GetBytes(listingHtml), "text/html; charset=utf-8", "\"list-v1\"");
        return server;
    }

    public const string ListingPath = "/gxt/list.html";

    public static LocalHttpServer Start(long oversizeBytes = 2 * 1024 * 1024)
    {
        var server = LocalHttpServer.Start();
        server.Map("/robots.txt", _ => new(200, "User-agent: *\nDisallow: /private/\n"u8.ToArray(), "text/plain"));
        server.MapDocument("/notices/gbk.html", Gbk, "text/html; charset=GBK", NoticeETag);
        server.Map("/notices/big5.html", _ => new(200, Big5, "text/html; charset=big5"));
        server.Map("/notices/cluster.pdf", _ => new(200, Pdf, "application/octet-stream"));
        server.Map("/notices/gzip.html", _ => new(200, Gzip(Encoding.UTF8.GetBytes(Utf8Text)), "text/html; charset=utf-8",
            new Dictionary<string, string> { ["Content-Encoding"] = "gzip" }));
        server.Map("/notices/br.html", _ => new(200, Brotli(Encoding.UTF8.GetBytes(Utf8Text)), "text/html",
            new Dictionary<string, string> { ["Content-Encoding"] = "br" }));
        server.Map("/notices/dated.html", r => r.IfModifiedSince == "Mon, 06 Jan 2025 08:00:00 GMT"
            ? ServedResponse.Empty(304)
            : new(200, Encoding.UTF8.GetBytes(Utf8Text), "text/html",
                new Dictionary<string, string> { ["Last-Modified"] = "Mon, 06 Jan 2025 08:00:00 GMT" }));
        server.Map("/private/notice.html", _ => new(200, Encoding.UTF8.GetBytes(Utf8Text), "text/html"));
        server.Map("/go/1", _ => ServedResponse.Redirect("/go/2", 301));
        server.Map("/go/2", _ => ServedResponse.Redirect(server.Url("/notices/gbk.html").AbsoluteUri));
        server.Map("/loop/a", _ => ServedResponse.Redirect("/loop/b"));
        server.Map("/loop/b", _ => ServedResponse.Redirect("/loop/a"));
        var busyCalls = 0;
        server.Map(BusyPath, _ => Interlocked.Increment(ref busyCalls) == 1
            ? new(503, [], Headers: new Dictionary<string, string> { ["Retry-After"] = ((int)BusyRetryAfter.TotalSeconds).ToString() })
            : new(200, Encoding.UTF8.GetBytes(Utf8Text), "text/html; charset=utf-8"));
        server.Map("/very-busy", _ => new(503, [], Headers: new Dictionary<string, string> { ["Retry-After"] = "3600" }));
        server.Map("/broken", _ => ServedResponse.Empty(500));
        server.Map("/slow", _ => new(200, Encoding.UTF8.GetBytes(Utf8Text), "text/html", Delay: TimeSpan.FromSeconds(10)));
        server.Map("/big", _ => new(200, new byte[oversizeBytes], "text/html"));
        server.Map("/big-chunked", _ => new(200, new byte[oversizeBytes], "text/html", Chunked: true));
        server.Map("/photo.png", _ => new(200, [0x89, (byte)'P', (byte)'N', (byte)'G'], "image/png"));
        return server;
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal)) gzip.Write(data);
        return output.ToArray();
    }

    private static byte[] Brotli(byte[] data)
    {
        using var output = new MemoryStream();
        using (var br = new BrotliStream(output, CompressionLevel.Optimal)) br.Write(data);
        return output.ToArray();
    }
}
