package io.tender.core.webhook;

import static io.tender.core.webhook.FakeResolver.address;
import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.tenant.Mode;
import io.tender.core.webhook.OutboundUrlVerdict.Allowed;
import io.tender.core.webhook.OutboundUrlVerdict.Refused;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class OutboundUrlPolicyTest {
  private final FakeResolver dns = new FakeResolver()
      .answer("hooks.merchant.example", "93.184.216.34")
      .answer("dual.merchant.example", "93.184.216.34", "2606:4700:4700::1111")
      .answer("loopback.merchant.example", "127.0.0.1")
      .answer("127.0.0.1.nip.io", "127.0.0.1")
      .answer("169.254.169.254.nip.io", "169.254.169.254")
      .answer("mixed.merchant.example", "93.184.216.34", "10.1.2.3")
      .answer("mixed-v6.merchant.example", "2606:4700:4700::1111", "fd12:3456::1")
      .answer("metadata-v6.merchant.example", "fd00:ec2::254")
      .answer("cgnat.merchant.example", "100.100.100.200");
  private final OutboundUrlPolicy policy = OutboundUrlPolicy.strict(dns);

  private static Refused refusedBy(OutboundUrlVerdict verdict) {
    assertThat(verdict).isInstanceOf(Refused.class);
    return (Refused) verdict;
  }

  private static OutboundTarget allowedTarget(OutboundUrlVerdict verdict) {
    assertThat(verdict).isInstanceOf(Allowed.class);
    return ((Allowed) verdict).target();
  }

  /**
   * Hostile URLs, each checked for a test-mode endpoint (the lenient mode: plain http allowed), so
   * the refusal comes from the address, not the scheme. The second column is why.
   */
  static Stream<Arguments> hostileUrls() {
    OutboundUrlRefusal address = OutboundUrlRefusal.FORBIDDEN_ADDRESS;
    OutboundUrlRefusal host = OutboundUrlRefusal.HOST_NOT_ALLOWED;
    OutboundUrlRefusal credentials = OutboundUrlRefusal.CREDENTIALS_IN_URL;
    OutboundUrlRefusal scheme = OutboundUrlRefusal.SCHEME_NOT_ALLOWED;
    return Stream.of(
        // The cloud metadata address, spelled every way.
        Arguments.of("http://169.254.169.254/latest/meta-data/iam/security-credentials/", address),
        Arguments.of("https://169.254.169.254/", address),
        Arguments.of("http://2852039166/latest/meta-data/", address),
        Arguments.of("http://0xa9fea9fe/", address),
        Arguments.of("http://0xA9FEA9FE/", address),
        Arguments.of("http://0251.0376.0251.0376/", address),
        Arguments.of("http://169.254.43518/", address),
        Arguments.of("http://0xa9.254.0251.0xfe/", address),
        Arguments.of("http://[::ffff:169.254.169.254]/", address),
        Arguments.of("http://[::ffff:a9fe:a9fe]/", address),
        Arguments.of("http://[64:ff9b::a9fe:a9fe]/", address),
        Arguments.of("http://[2002:a9fe:a9fe::1]/", address),
        Arguments.of("http://[fd00:ec2::254]/", address),
        Arguments.of("http://169.254.169.254.nip.io/", address),
        Arguments.of("http://metadata-v6.merchant.example/", address),
        // Loopback in decimal, hex, octal, short, IPv6 and mapped forms.
        Arguments.of("http://127.0.0.1/", address),
        Arguments.of("http://127.0.0.1:8080/hook", address),
        Arguments.of("http://2130706433/", address),
        Arguments.of("http://0x7f000001/", address),
        Arguments.of("http://0x7f.1/", address),
        Arguments.of("http://0177.0.0.1/", address),
        Arguments.of("http://017700000001/", address),
        Arguments.of("http://127.1/", address),
        Arguments.of("http://127.0.1/", address),
        Arguments.of("http://127.127.127.127/", address),
        Arguments.of("http://127.0.0.1./", address),
        Arguments.of("http://[::1]/", address),
        Arguments.of("http://[0:0:0:0:0:0:0:1]/", address),
        Arguments.of("http://[::ffff:127.0.0.1]/", address),
        Arguments.of("http://[::ffff:7f00:1]/", address),
        Arguments.of("http://[::127.0.0.1]/", address),
        Arguments.of("http://[64:ff9b::7f00:1]/", address),
        Arguments.of("http://[2002:7f00:1::]/", address),
        Arguments.of("http://loopback.merchant.example/", address),
        Arguments.of("http://127.0.0.1.nip.io/", address),
        // Unspecified.
        Arguments.of("http://0.0.0.0/", address),
        Arguments.of("http://0/", address),
        Arguments.of("http://[::]/", address),
        // Private, shared and other non-public ranges.
        Arguments.of("http://10.0.0.1/", address),
        Arguments.of("http://10.1/", address),
        Arguments.of("http://172.16.0.1/", address),
        Arguments.of("http://172.31.255.254/", address),
        Arguments.of("http://192.168.1.1/", address),
        Arguments.of("http://0xc0a80101/", address),
        Arguments.of("http://100.64.0.1/", address),
        Arguments.of("http://cgnat.merchant.example/", address),
        Arguments.of("http://224.0.0.251/", address),
        Arguments.of("http://255.255.255.255/", address),
        Arguments.of("http://240.0.0.1/", address),
        Arguments.of("http://192.0.2.10/", address),
        Arguments.of("http://198.18.0.1/", address),
        Arguments.of("http://[fe80::1]/", address),
        Arguments.of("http://[fc00::1]/", address),
        Arguments.of("http://[ff02::1]/", address),
        Arguments.of("http://[64:ff9b::a00:1]/", address),
        Arguments.of("http://[2002:c0a8:101::1]/", address),
        Arguments.of("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/", address),
        // One public and one private answer: any forbidden address refuses the URL.
        Arguments.of("https://mixed.merchant.example/hook", address),
        Arguments.of("https://mixed-v6.merchant.example/hook", address),
        // Names for the local network that never reach DNS.
        Arguments.of("http://localhost/", host),
        Arguments.of("http://LOCALHOST:8080/", host),
        Arguments.of("http://api.localhost/", host),
        Arguments.of("http://printer.local/", host),
        Arguments.of("http://metadata.google.internal/", host),
        Arguments.of("http://metadata/", host),
        Arguments.of("http://router.home.arpa/", host),
        Arguments.of("http://[fe80::1%25eth0]/", host),
        Arguments.of("http://256.0.0.1/", host),
        Arguments.of("http://08.0.0.1/", host),
        Arguments.of("http://1.2.3.4.5/", host),
        // Other ways in.
        Arguments.of("http://user:pass@hooks.merchant.example/", credentials),
        Arguments.of("http://hooks.merchant.example@127.0.0.1/", credentials),
        Arguments.of("http://hooks.merchant.example:22/", OutboundUrlRefusal.PORT_NOT_ALLOWED),
        Arguments.of("http://hooks.merchant.example:25/", OutboundUrlRefusal.PORT_NOT_ALLOWED),
        Arguments.of("https://hooks.merchant.example:587/", OutboundUrlRefusal.PORT_NOT_ALLOWED),
        Arguments.of("file:///etc/passwd", scheme),
        Arguments.of("gopher://hooks.merchant.example:70/_stats", scheme),
        Arguments.of("ftp://hooks.merchant.example/", scheme),
        Arguments.of("https-but-not://hooks.merchant.example/", scheme),
        Arguments.of("http://unknown.merchant.example/", OutboundUrlRefusal.UNRESOLVABLE));
  }

  @ParameterizedTest
  @MethodSource("hostileUrls")
  void hostileUrlsAreRefused(String url, OutboundUrlRefusal expected) {
    Refused refused = refusedBy(policy.check(url, Mode.TEST));

    assertThat(refused.reason()).as(refused.detail()).isEqualTo(expected);
    assertThat(refused.message()).isEqualTo(expected.message());
  }

  @Test
  void thereAreAtLeastTwentyHostileUrlsRefusedForTheirAddress() {
    assertThat(hostileUrls()
        .filter(a -> a.get()[1] == OutboundUrlRefusal.FORBIDDEN_ADDRESS)).hasSizeGreaterThan(20);
  }

  @Test
  void theRefusalDetailNamesTheOffendingAddressAndItsClass() {
    assertThat(refusedBy(policy.check("http://0x7f.1/", Mode.TEST)).detail())
        .isEqualTo("127.0.0.1 -> 127.0.0.1 is LOOPBACK");
    assertThat(refusedBy(policy.check("https://mixed.merchant.example/", Mode.TEST)).detail())
        .isEqualTo("mixed.merchant.example -> 10.1.2.3 is PRIVATE");
    assertThat(refusedBy(policy.check("http://[::ffff:7f00:1]/", Mode.TEST)).detail())
        .contains("IPV4_MAPPED");
  }

  @Test
  void numericHostsAreCheckedAsAddressesWithoutAskingTheResolver() {
    policy.check("http://2130706433/", Mode.TEST);
    policy.check("http://0x7f.1/", Mode.TEST);
    policy.check("http://[::1]/", Mode.TEST);
    policy.check("https://93.184.216.34/", Mode.LIVE);

    assertThat(dns.asked()).isEmpty();
  }

  @Test
  void aPublicNameIsAllowedWithTheAddressesItWasCheckedAt() {
    OutboundTarget target = allowedTarget(
        policy.check("https://Hooks.Merchant.Example./tender/webhooks?shop=42", Mode.LIVE));

    assertThat(target.https()).isTrue();
    assertThat(target.host()).isEqualTo("hooks.merchant.example");
    assertThat(target.ipLiteral()).isFalse();
    assertThat(target.port()).isEqualTo(443);
    assertThat(target.requestTarget()).isEqualTo("/tender/webhooks?shop=42");
    assertThat(target.addresses()).containsExactly(address("93.184.216.34"));
    assertThat(target.hostHeader()).isEqualTo("hooks.merchant.example");
  }

  @Test
  void everyAddressOfADualStackNameIsKeptInOrder() {
    OutboundTarget target = allowedTarget(
        policy.check("https://dual.merchant.example:8443", Mode.LIVE));

    assertThat(target.addresses())
        .containsExactly(address("93.184.216.34"), address("2606:4700:4700::1111"));
    assertThat(target.requestTarget()).isEqualTo("/");
    assertThat(target.hostHeader()).isEqualTo("dual.merchant.example:8443");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "https://hooks.merchant.example/webhooks",
      "https://hooks.merchant.example:443/webhooks",
      "https://hooks.merchant.example:8443/webhooks",
      "https://93.184.216.34/hook",
      "https://1572395042/hook",
      "https://[2606:4700:4700::1111]/hook",
      "https://[64:ff9b::808:808]/hook",
      "https://[2002:808:808::1]/hook",
      "https://100.128.0.1/hook",
      "https://172.32.0.1/hook",
      "https://dual.merchant.example/"})
  void publicUrlsAreAllowedForLiveEndpoints(String url) {
    allowedTarget(policy.check(url, Mode.LIVE));
  }

  @Test
  void aNonAsciiPathIsPercentEncodedForTheRequestLine() {
    OutboundTarget target = allowedTarget(
        policy.check("https://hooks.merchant.example/caf\u00e9?q=\u00e9t\u00e9", Mode.LIVE));

    assertThat(target.requestTarget()).isEqualTo("/caf%C3%A9?q=%C3%A9t%C3%A9");
  }

  @Test
  void aDecimalPublicHostIsSentAsItsDottedForm() {
    OutboundTarget target = allowedTarget(policy.check("https://1572395042/hook", Mode.LIVE));

    assertThat(target.host()).isEqualTo("93.184.216.34");
    assertThat(target.ipLiteral()).isTrue();
    assertThat(target.hostHeader()).isEqualTo("93.184.216.34");
  }

  @Test
  void anIpv6LiteralKeepsItsBracketsInTheHostHeaderOnly() {
    OutboundTarget target =
        allowedTarget(policy.check("https://[2606:4700:4700::1111]:8443/x", Mode.LIVE));

    assertThat(target.host()).isEqualTo("2606:4700:4700:0:0:0:0:1111");
    assertThat(target.addresses().getFirst()).isInstanceOf(Inet6Address.class);
    assertThat(target.hostHeader()).isEqualTo("[2606:4700:4700:0:0:0:0:1111]:8443");
  }

  @Test
  void plainHttpIsForTestEndpointsOnly() {
    String url = "http://hooks.merchant.example/webhooks";

    OutboundTarget target = allowedTarget(policy.check(url, Mode.TEST));
    assertThat(target.https()).isFalse();
    assertThat(target.port()).isEqualTo(80);
    assertThat(refusedBy(policy.check(url, Mode.LIVE)).reason())
        .isEqualTo(OutboundUrlRefusal.SCHEME_NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "not a url", "hooks.merchant.example/webhooks",
      "/webhooks", "https:/hooks.merchant.example", "https:hooks.merchant.example",
      "https://hooks.merchant.example/#frag", "https://hooks.merchant.example:0/",
      "https://hooks.merchant.example:65536/", "https://hooks.merchant.example:-1/",
      "https://hooks.merchant.example:8o80/", "https://[::1/", "https://[::1]x/"})
  void malformedUrlsAreRefused(String url) {
    assertThat(refusedBy(policy.check(url, Mode.TEST)).reason())
        .isEqualTo(OutboundUrlRefusal.MALFORMED);
  }

  @Test
  void overlongUrlsAndNullAreRefused() {
    String longPath =
        "https://hooks.merchant.example/" + "a".repeat(OutboundUrlPolicy.MAX_URL_LENGTH);

    assertThat(refusedBy(policy.check(longPath, Mode.TEST)).reason())
        .isEqualTo(OutboundUrlRefusal.MALFORMED);
    assertThat(refusedBy(policy.check(null, Mode.TEST)).reason())
        .isEqualTo(OutboundUrlRefusal.MALFORMED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://hooks_merchant.example/", "https://-hooks.merchant.example/",
      "https://hooks..merchant.example/", "https://h\u00e9llo.example/", "https://ex%61mple.com/"})
  void hostsThatAreNotPlainDnsNamesAreRefused(String url) {
    assertThat(refusedBy(policy.check(url, Mode.TEST)).reason())
        .isIn(OutboundUrlRefusal.HOST_NOT_ALLOWED, OutboundUrlRefusal.MALFORMED);
  }

  @Test
  void aResolverAnsweringNothingIsUnresolvable() {
    OutboundUrlPolicy empty = OutboundUrlPolicy.strict(name -> List.of());

    assertThat(refusedBy(empty.check("https://hooks.merchant.example/", Mode.LIVE)).reason())
        .isEqualTo(OutboundUrlRefusal.UNRESOLVABLE);
  }

  @Test
  void aMappedAddressFromTheResolverIsRefused() throws UnknownHostException {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    InetAddress sneaky = Inet6Address.getByAddress(null, mapped, -1);
    OutboundUrlPolicy mappedDns = OutboundUrlPolicy.strict(name -> List.of(sneaky));

    Refused refused = refusedBy(mappedDns.check("https://sneaky.merchant.example/", Mode.LIVE));
    assertThat(refused.reason()).isEqualTo(OutboundUrlRefusal.FORBIDDEN_ADDRESS);
    assertThat(refused.detail()).contains("IPV4_MAPPED");
  }

  @Test
  void aNameThatRebindsIsRefusedOnTheCheckAfterTheChange() {
    FakeResolver rebinding = new FakeResolver().answer("rebind.merchant.example", "93.184.216.34");
    OutboundUrlPolicy guard = OutboundUrlPolicy.strict(rebinding);
    String url = "https://rebind.merchant.example/hook";
    assertThat(guard.check(url, Mode.LIVE).isAllowed()).isTrue();

    rebinding.answer("rebind.merchant.example", "127.0.0.1");

    assertThat(refusedBy(guard.check(url, Mode.LIVE)).reason())
        .isEqualTo(OutboundUrlRefusal.FORBIDDEN_ADDRESS);
  }

  // ---- The local demo receiver -------------------------------------------------------------

  @Test
  void theStrictPolicyRefusesTheDemoReceiverUrl() {
    assertThat(refusedBy(policy.check("http://127.0.0.1:4010/webhooks", Mode.TEST)).reason())
        .isEqualTo(OutboundUrlRefusal.FORBIDDEN_ADDRESS);
  }

  @Test
  void theLocalFlagAllowsHttp127001ExactlyAndConnectsThere() {
    OutboundUrlPolicy local = OutboundUrlPolicy.allowingLocalDemoReceiver(dns);

    for (Mode mode : Mode.values()) {
      OutboundTarget target =
          allowedTarget(local.check("http://127.0.0.1:4010/webhooks?x=1", mode));
      assertThat(target.addresses()).containsExactly(address("127.0.0.1"));
      assertThat(target.port()).isEqualTo(4010);
      assertThat(target.requestTarget()).isEqualTo("/webhooks?x=1");
      assertThat(target.hostHeader()).isEqualTo("127.0.0.1:4010");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://127.0.0.1:4010/", "http://127.0.0.2:4010/",
      "http://localhost:4010/", "http://2130706433:4010/", "http://0x7f.1:4010/",
      "http://127.1:4010/", "http://[::1]:4010/", "http://[::ffff:127.0.0.1]:4010/",
      "http://loopback.merchant.example:4010/", "http://127.0.0.1.nip.io:4010/",
      "http://10.0.0.1:4010/", "http://169.254.169.254/", "http://user@127.0.0.1:4010/",
      "http://127.0.0.1:22/"})
  void theLocalFlagAllowsNothingElse(String url) {
    OutboundUrlPolicy local = OutboundUrlPolicy.allowingLocalDemoReceiver(dns);

    assertThat(local.check(url, Mode.TEST).isAllowed()).isFalse();
  }
}
