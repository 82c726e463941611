package io.tender.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovedDomainsTest {

  @Test
  void domainsMatchThemselvesAndTheirSubDomainsOnly() {
    List<String> domains = List.of("shop.test");
    assertThat(ApprovedDomains.approves(domains, "shop.test")).isTrue();
    assertThat(ApprovedDomains.approves(domains, "hooks.shop.test")).isTrue();
    assertThat(ApprovedDomains.approves(domains, "hooks.shop.test.")).isTrue();
    assertThat(ApprovedDomains.approves(domains, "evilshop.test")).isFalse();
    assertThat(ApprovedDomains.approves(domains, "shop.test.evil.example")).isFalse();
  }

  /** An address is not a domain: only the very address approved, as written, matches it. */
  @Test
  void anIpAddressIsApprovedOnlyWhenThatAddressIsApproved() {
    assertThat(ApprovedDomains.approves(List.of("127.0.0.1"), "127.0.0.1")).isTrue();
    assertThat(ApprovedDomains.approves(List.of("0.0.1"), "127.0.0.1")).isFalse();
    assertThat(ApprovedDomains.approves(List.of("1"), "10.0.0.1")).isFalse();
    assertThat(ApprovedDomains.approves(List.of("0.1"), "0x7f.0.1")).isFalse();
    assertThat(ApprovedDomains.approves(List.of("127.0.0.1"), "1.127.0.0.1")).isFalse();
    assertThat(ApprovedDomains.approves(List.of("127.0.0.1"), "127.000.000.001")).isFalse();
    assertThat(ApprovedDomains.approves(List.of("127.0.0.1", "1"), "[::1]")).isFalse();
    assertThat(ApprovedDomains.approves(List.of("1"), "[::ffff:127.0.0.1]")).isFalse();
  }

  @Test
  void aUrlIsApprovedByItsHost() {
    List<String> domains = List.of("shop.test");
    assertThat(ApprovedDomains.approvesUrl(domains, "https://pay.shop.test/done?x=1")).isTrue();
    assertThat(ApprovedDomains.approvesUrl(domains, "https://SHOP.TEST/")).isTrue();
    assertThat(ApprovedDomains.approvesUrl(domains, "https://shop.test@evil.example/")).isFalse();
    assertThat(ApprovedDomains.approvesUrl(domains, "not a url")).isFalse();
    assertThat(ApprovedDomains.approvesUrl(domains, null)).isFalse();
  }
}
