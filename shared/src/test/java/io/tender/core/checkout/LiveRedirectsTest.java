package io.tender.core.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.tender.core.tenant.Tenant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveRedirectsTest {
  private static final Tenant SHOP = new Tenant("ten_shop1", "Shop", List.of("shop.test"), Instant.EPOCH);

  @Test
  void liveRedirectsGoOverHttpsToAnApprovedDomain() {
    assertThat(LiveRedirects.errors(SHOP, "https://shop.test/ok", "https://www.shop.test/cancel")).isEmpty();
  }

  @Test
  void plainHttpOrAnotherDomainIsRefusedByField() {
    Map<String, List<String>> errors = LiveRedirects.errors(SHOP, "http://shop.test/ok", "https://evil.example/");

    assertThat(errors).containsOnlyKeys("successUrl", "cancelUrl");
    assertThat(errors.get("cancelUrl")).containsExactly(LiveRedirects.MESSAGE);
  }

  @Test
  void aTenantWithoutApprovedDomainsCannotRedirectLivePayers() {
    Tenant none = new Tenant("ten_none1", "None", List.of(), Instant.EPOCH);

    assertThat(LiveRedirects.errors(none, "https://shop.test/ok", "https://shop.test/no"))
        .containsOnlyKeys("successUrl", "cancelUrl");
  }
}
