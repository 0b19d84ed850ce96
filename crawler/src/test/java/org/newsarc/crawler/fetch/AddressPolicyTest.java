package org.newsarc.crawler.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which addresses may be fetched: regression for server-side request forgery (issue 9, 2). */
class AddressPolicyTest {
  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.1.2.3", "172.16.0.1", "192.168.1.1",
      "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
      "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
      "64:ff9b::7f00:1", "2002:7f00:1::", "::127.0.0.1"})
  void nonPublicAddressesAreRefusedByDefault(String address) throws Exception {
    assertFalse(AddressPolicy.PUBLIC_ONLY.allows(InetAddress.getByName(address)), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:4700::1111", "::ffff:8.8.8.8"})
  void publicAddressesAreAllowed(String address) throws Exception {
    assertTrue(AddressPolicy.PUBLIC_ONLY.allows(InetAddress.getByName(address)), address);
  }

  @ParameterizedTest
  @CsvSource({"127.0.3.0/24,127.0.3.9,true", "127.0.3.0/24,127.0.4.1,false",
      "127.0.3.0/24,::ffff:127.0.3.9,true", "127.0.3.7/32,127.0.3.8,false",
      "::1/128,::1,true", "10.0.0.0/8,10.255.0.1,true", "10.0.0.0/8,192.168.0.1,false"})
  void anAllowedRangeOpensExactlyThatRange(String range, String address, boolean allowed)
      throws Exception {
    AddressPolicy p = AddressPolicy.allowing(List.of(range));
    assertEquals(allowed, p.allows(InetAddress.getByName(address)), range + " " + address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "all", "127.0.0.0/33", "127.0.0/24", "example.org/24",
      "127.0.0.1/x", "::1/129"})
  void badRangesAreRefusedNamingThem(String range) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AddressPolicy.allowing(List.of(range)));
    assertTrue(e.getMessage().contains(range), e.getMessage());
  }

  @Test
  void literalHostsAreJudgedWithoutDns() {
    AddressPolicy p = AddressPolicy.PUBLIC_ONLY;
    assertTrue(p.refusesLiteral("127.0.0.1"));
    assertTrue(p.refusesLiteral("0x7f.1"));
    assertTrue(p.refusesLiteral("[::1]"));
    assertTrue(p.refusesLiteral("10.1.2.3"));
    assertFalse(p.refusesLiteral("93.184.216.34"));
    assertFalse(p.refusesLiteral("localhost"), "a name is left to the DNS check");
    assertFalse(p.refusesLiteral("[not-v6]"));
    assertFalse(AddressPolicy.allowing(List.of("127.0.0.0/8"))
        .refusesLiteral("127.0.0.9"));
  }
}
