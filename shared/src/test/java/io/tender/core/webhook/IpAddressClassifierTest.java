package io.tender.core.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressClassifierTest {

  /** Literals only: InetAddress.getByName never consults DNS for them. */
  private static IpAddressClass classOf(String literal) throws Exception {
    return IpAddressClassifier.classify(InetAddress.getByName(literal));
  }

  @ParameterizedTest
  @CsvSource({
      "0.0.0.0, UNSPECIFIED",
      "0.1.2.3, RESERVED",
      "10.0.0.0, PRIVATE",
      "10.255.255.255, PRIVATE",
      "100.63.255.255, PUBLIC",
      "100.64.0.0, SHARED_ADDRESS_SPACE",
      "100.127.255.255, SHARED_ADDRESS_SPACE",
      "100.128.0.0, PUBLIC",
      "126.255.255.255, PUBLIC",
      "127.0.0.1, LOOPBACK",
      "127.255.255.254, LOOPBACK",
      "169.254.169.254, LINK_LOCAL",
      "169.253.255.255, PUBLIC",
      "172.15.255.255, PUBLIC",
      "172.16.0.0, PRIVATE",
      "172.31.255.255, PRIVATE",
      "172.32.0.0, PUBLIC",
      "192.0.0.8, RESERVED",
      "192.0.2.1, DOCUMENTATION",
      "192.88.99.1, RESERVED",
      "192.167.255.255, PUBLIC",
      "192.168.0.1, PRIVATE",
      "198.18.0.1, BENCHMARKING",
      "198.19.255.255, BENCHMARKING",
      "198.20.0.0, PUBLIC",
      "198.51.100.7, DOCUMENTATION",
      "203.0.113.9, DOCUMENTATION",
      "224.0.0.1, MULTICAST",
      "239.255.255.250, MULTICAST",
      "240.0.0.1, RESERVED",
      "255.255.255.255, BROADCAST",
      "8.8.8.8, PUBLIC",
      "93.184.216.34, PUBLIC",
      "223.255.255.255, PUBLIC",
  })
  void ipv4(String literal, IpAddressClass expected) throws Exception {
    assertThat(classOf(literal)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
      "'::', UNSPECIFIED",
      "'::1', LOOPBACK",
      "'::127.0.0.1', IPV4_COMPATIBLE",
      "'::a9fe:a9fe', IPV4_COMPATIBLE",
      "'::1:0:0:1', RESERVED",
      "'fc00::1', UNIQUE_LOCAL",
      "'fd00:ec2::254', UNIQUE_LOCAL",
      "'fe80::1', LINK_LOCAL",
      "'febf::1', LINK_LOCAL",
      "'fec0::1', PRIVATE",
      "'ff02::1', MULTICAST",
      "'100::1', RESERVED",
      "'64:ff9b::a00:1', PRIVATE",
      "'64:ff9b::7f00:1', LOOPBACK",
      "'64:ff9b::a9fe:a9fe', LINK_LOCAL",
      "'64:ff9b::808:808', PUBLIC",
      "'64:ff9b:1::808:808', RESERVED",
      "'2002:7f00:1::', LOOPBACK",
      "'2002:a9fe:a9fe::1', LINK_LOCAL",
      "'2002:c0a8:101::', PRIVATE",
      "'2002:808:808::1', PUBLIC",
      "'2001::1', RESERVED",
      "'2001:0:4136:e378:8000:63bf:3fff:fdd2', RESERVED",
      "'2001:2::1', BENCHMARKING",
      "'2001:db8::1', DOCUMENTATION",
      "'3fff::1', DOCUMENTATION",
      "'3fff:1000::1', PUBLIC",
      "'2001:4860:4860::8888', PUBLIC",
      "'2606:4700:4700::1111', PUBLIC",
      "'4000::1', RESERVED",
      "'1::1', RESERVED",
  })
  void ipv6(String literal, IpAddressClass expected) throws Exception {
    assertThat(classOf("[" + literal + "]")).isEqualTo(expected);
  }

  @Test
  void anIpv4MappedIpv6AddressFromAResolverIsRefusedWhateverItMaps() throws Exception {
    // The JDK unwraps mapped literals, but a resolver can hand one over as an Inet6Address.
    byte[] mappedPublic = new byte[16];
    mappedPublic[10] = (byte) 0xff;
    mappedPublic[11] = (byte) 0xff;
    mappedPublic[12] = 8;
    mappedPublic[13] = 8;
    mappedPublic[14] = 8;
    mappedPublic[15] = 8;

    assertThat(IpAddressClassifier.classify(Inet6Address.getByAddress(null, mappedPublic, -1)))
        .isEqualTo(IpAddressClass.IPV4_MAPPED);
  }
}
