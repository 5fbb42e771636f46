using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace CloudConfig.Agent;

/// <summary>
/// Finds the address to report from the instance's own interfaces. The rendezvous point must not guess it from a
/// request's source address, which is wrong behind NAT.
/// </summary>
internal static class InstanceAddressDetector
{
    public static string? Detect()
    {
        IPAddress? ipv6 = null;
        foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
        {
            if (nic.OperationalStatus != OperationalStatus.Up || nic.NetworkInterfaceType == NetworkInterfaceType.Loopback)
            {
                continue;
            }

            foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
            {
                var address = unicast.Address;
                if (IPAddress.IsLoopback(address))
                {
                    continue;
                }

                if (address.AddressFamily == AddressFamily.InterNetwork)
                {
                    return address.ToString();
                }

                if (address.AddressFamily == AddressFamily.InterNetworkV6 && !address.IsIPv6LinkLocal && ipv6 is null)
                {
                    ipv6 = address;
                }
            }
        }

        return ipv6?.ToString();
    }
}
