package org.newsarc.crawler.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which IP addresses newsarc may connect to. By default every public address is allowed and
 * private, loopback, link-local, unique-local, carrier-grade NAT, multicast, broadcast,
 * reserved and unspecified addresses are refused, so that no page can make the crawler reach
 * into the network it runs on. IPv4 addresses written inside IPv6 ones (mapped, compatible,
 * NAT64, 6to4) are judged by the IPv4 address they carry. Ranges given explicitly (CIDR, e.g.
 * {@code 127.0.3.0/24}) are allowed even when they are private. Immutable and thread-safe.
 */
public final class AddressPolicy {
  /** Refuses every non-public address and allows no exception. */
  public static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(List.of());

  private static final List<Cidr> BLOCKED = List.of(
      Cidr.parse("0.0.0.0/8"), Cidr.parse("10.0.0.0/8"), Cidr.parse("100.64.0.0/10"),
      Cidr.parse("127.0.0.0/8"), Cidr.parse("169.254.0.0/16"), Cidr.parse("172.16.0.0/12"),
      Cidr.parse("192.0.0.0/24"), Cidr.parse("192.0.2.0/24"), Cidr.parse("192.168.0.0/16"),
      Cidr.parse("198.18.0.0/15"), Cidr.parse("198.51.100.0/24"), Cidr.parse("203.0.113.0/24"),
      Cidr.parse("224.0.0.0/4"), Cidr.parse("240.0.0.0/4"),
      Cidr.parse("::/128"), Cidr.parse("::1/128"), Cidr.parse("fc00::/7"),
      Cidr.parse("fe80::/10"), Cidr.parse("fec0::/10"), Cidr.parse("ff00::/8"),
      Cidr.parse("2001:db8::/32"), Cidr.parse("100::/64"));

  private final List<Cidr> allowed;

  private AddressPolicy(List<Cidr> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /**
   * The default policy plus the given ranges, each a CIDR ({@code 127.0.3.0/24},
   * {@code ::1/128}) or a single address.
   *
   * @throws IllegalArgumentException naming the first range that is not valid
   */
  public static AddressPolicy allowing(List<String> cidrs) {
    List<Cidr> ranges = new ArrayList<>();
    for (String c : cidrs) {
      ranges.add(Cidr.parse(c.strip()));
    }
    return new AddressPolicy(ranges);
  }

  /** The explicitly allowed ranges, as given. */
  public List<String> allowedRanges() {
    return allowed.stream().map(Cidr::text).toList();
  }

  /**
   * True when {@code host} (a URL's host) spells an address itself, {@code [v6]} or IPv4 in any
   * of the forms {@link #numericIpv4} reads, and this policy refuses it. A name is never refused
   * here: no DNS lookup is made.
   */
  public boolean refusesLiteral(String host) {
    InetAddress literal;
    if (host.startsWith("[") && host.endsWith("]")) {
      String inner = host.substring(1, host.length() - 1);
      if (inner.indexOf(':') < 0) {
        return false;   // not an IPv6 literal; getByName would look it up
      }
      try {
        literal = InetAddress.getByName(inner);
      } catch (UnknownHostException | RuntimeException e) {
        return false;
      }
    } else {
      literal = numericIpv4(host);
    }
    return literal != null && !allows(literal);
  }

  /** True when newsarc may connect to {@code address}. */
  public boolean allows(InetAddress address) {
    InetAddress a = embeddedIpv4(address);
    for (Cidr c : allowed) {
      if (c.contains(a) || c.contains(address)) {
        return true;
      }
    }
    for (Cidr c : BLOCKED) {
      if (c.contains(a) || c.contains(address)) {
        return false;
      }
    }
    return !(a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress()
        || a.isSiteLocalAddress() || a.isMulticastAddress())
        && !a.getHostAddress().equals("255.255.255.255");
  }

  /**
   * The IPv4 address a host name spells as numbers the way browsers read them (WHATWG URL:
   * {@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1}, {@code 127.1}), or null when it is
   * a name.
   */
  static InetAddress numericIpv4(String host) {
    String[] parts = host.endsWith(".") ? host.substring(0, host.length() - 1).split("\\.", -1)
        : host.split("\\.", -1);
    if (parts.length == 0 || parts.length > 4) {
      return null;
    }
    long[] n = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i].toLowerCase(java.util.Locale.ROOT);
      int radix = 10;
      if (p.startsWith("0x")) {
        radix = 16;
        p = p.substring(2);
      } else if (p.length() > 1 && p.startsWith("0")) {
        radix = 8;
        p = p.substring(1);
      }
      if (p.isEmpty() && radix == 16) {
        p = "0";
      }
      if (p.isEmpty() || p.length() > 12) {
        return null;
      }
      try {
        n[i] = Long.parseLong(p, radix);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    long value = 0;
    for (int i = 0; i < n.length - 1; i++) {
      if (n[i] > 255) {
        return null;
      }
      value |= n[i] << (8 * (3 - i));
    }
    long last = n[n.length - 1];
    if (last >= 1L << (8 * (5 - n.length))) {
      return null;
    }
    value |= last;
    try {
      return InetAddress.getByAddress(new byte[] {(byte) (value >> 24), (byte) (value >> 16),
          (byte) (value >> 8), (byte) value});
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** The IPv4 address carried inside an IPv6 one (mapped, compatible, NAT64, 6to4), or itself. */
  static InetAddress embeddedIpv4(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address;
    }
    byte[] b = address.getAddress();
    int from = -1;
    if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      from = 12; // ::ffff:a.b.c.d
    } else if (allZero(b, 0, 12) && !allZero(b, 12, 16) && !(allZero(b, 12, 15) && b[15] == 1)) {
      from = 12; // ::a.b.c.d (deprecated IPv4-compatible)
    } else if (b[0] == 0x00 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
        && allZero(b, 4, 12)) {
      from = 12; // 64:ff9b::a.b.c.d (NAT64)
    } else if (b[0] == 0x20 && b[1] == 0x02) {
      from = 2; // 2002:aabb:ccdd:: (6to4)
    }
    if (from < 0) {
      return address;
    }
    try {
      return Inet4Address.getByAddress(new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]});
    } catch (UnknownHostException e) {
      return address;
    }
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return allowed.isEmpty() ? "public addresses only" : "public addresses and " + allowedRanges();
  }

  /** One address range. */
  private record Cidr(String text, byte[] network, int prefix) {
    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      String addr = slash < 0 ? text : text.substring(0, slash);
      if (addr.isEmpty() || !addr.matches("[0-9a-fA-F:.]+")) {
        throw new IllegalArgumentException("not an address range (CIDR such as 127.0.3.0/24): "
            + text);
      }
      byte[] bytes;
      try {
        // Only literal addresses reach here (checked above), so this never does a DNS lookup.
        bytes = InetAddress.getByName(addr.contains(":") ? "[" + addr + "]" : addr).getAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an address range (CIDR such as 127.0.3.0/24): "
            + text, e);
      }
      if (!addr.contains(":") && addr.split("\\.", -1).length != 4) {
        throw new IllegalArgumentException("not an IPv4 address in four parts: " + text);
      }
      int prefix;
      try {
        prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad prefix length in " + text, e);
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("prefix length out of range in " + text);
      }
      return new Cidr(text, bytes, prefix);
    }

    boolean contains(InetAddress address) {
      byte[] a = address.getAddress();
      if (a.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (a[full] & mask) == (network[full] & mask);
    }
  }
}
