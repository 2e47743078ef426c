using System.Net;
using System.Net.Sockets;

namespace ClusterPolicyMiner.Acquire.Web;

/// <summary>Which addresses the fetcher may connect to. By default only public ones: loopback, private
/// (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10, where cloud metadata lives),
/// carrier-grade NAT, multicast and unspecified addresses are refused. The check runs on the addresses DNS
/// gave, at connect time, so it holds for every redirect and every watch link alike.</summary>
public sealed record AddressPolicy(bool AllowPrivate = false, IReadOnlyList<IPAddress>? Allowed = null)
{
    public static AddressPolicy PublicOnly { get; } = new();

    /// <summary>Public addresses and the named ones (tests allow 127.0.0.1 this way).</summary>
    public static AddressPolicy Allowing(params IPAddress[] addresses) => new(false, addresses);

    public bool Permits(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (Allowed?.Contains(address) == true) return true;
        return AllowPrivate || !IsNonPublic(address);
    }

    /// <summary>True for an address that is not on the public internet.</summary>
    public static bool IsNonPublic(IPAddress a)
    {
        if (a.IsIPv4MappedToIPv6) a = a.MapToIPv4();
        if (IPAddress.IsLoopback(a) || a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any) || a.Equals(IPAddress.Broadcast))
            return true;
        if (a.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = a.GetAddressBytes();
            return b[0] == 0 || b[0] == 10 || b[0] == 127
                || (b[0] == 100 && b[1] is >= 64 and <= 127)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] == 0)
                || (b[0] == 198 && b[1] is 18 or 19)
                || b[0] >= 224;
        }
        var v6 = a.GetAddressBytes();
        return a.IsIPv6LinkLocal || a.IsIPv6SiteLocal || a.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC;
    }
}

/// <summary>The connection was refused by the <see cref="AddressPolicy"/>.</summary>
public sealed class AddressRefusedException(string host, IPAddress address)
    : Exception($"{host} resolves to {address}, a loopback, private or link-local address; refused (--allow-private to fetch from your own network)")
{
    public string Host { get; } = host;
}
