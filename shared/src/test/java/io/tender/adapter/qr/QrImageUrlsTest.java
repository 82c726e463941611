package io.tender.adapter.qr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A QR code left out of a stored answer comes back exactly as it was, or is not left out. */
class QrImageUrlsTest {
  private static final String URL = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8i9J0#fid=abc";

  @Test
  void theQrCodeOfTheRedirectIsLeftOutAndDrawnAgainIdentically() {
    String body = "{\"id\":\"cs_1\",\"payment_id\":\"pay_1\",\"redirect_url\":\"" + URL + "\",\"qr_image_url\":\""
        + QrImageUrls.of(URL) + "\",\"status\":\"pending\"}";

    String lean = QrImageUrls.RESPONSES.omitReversibly(body).orElseThrow();

    assertThat(lean).doesNotContain("data:image").contains("\"redirect_url\":\"" + URL + "\"")
        .hasSizeLessThan(200);
    assertThat(QrImageUrls.RESPONSES.restore(lean)).isEqualTo(body);
  }

  @Test
  void aPaymentLinksCheckoutIsLeftOutToo() {
    String body = "{\"slug\":\"s\",\"checkout\":{\"sessionId\":\"cs_1\",\"redirectUrl\":\"" + URL
        + "\",\"qrImageUrl\":\"" + QrImageUrls.of(URL) + "\",\"expiresAt\":\"x\"}}";

    String lean = QrImageUrls.RESPONSES.omitReversibly(body).orElseThrow();

    assertThat(lean).doesNotContain("data:image");
    assertThat(QrImageUrls.RESPONSES.restore(lean)).isEqualTo(body);
  }

  @Test
  void aQrCodeOfAnotherUrlIsKeptWhole() {
    String body = "{\"redirect_url\":\"" + URL + "\",\"qr_image_url\":\""
        + QrImageUrls.of("https://elsewhere.test/") + "\"}";

    assertThat(QrImageUrls.RESPONSES.omitReversibly(body)).isEmpty();
  }

  @Test
  void aUrlWithAnEscapeOrNoUrlAtAllKeepsTheBodyWhole() {
    String escaped = "https://shop.test/a\\/b";
    assertThat(QrImageUrls.RESPONSES.omitReversibly("{\"redirect_url\":\"" + escaped + "\",\"qr_image_url\":\""
        + QrImageUrls.of(escaped) + "\"}")).isEmpty();
    assertThat(QrImageUrls.RESPONSES.omitReversibly("{\"qr_image_url\":\"" + QrImageUrls.of(URL) + "\"}")).isEmpty();
    assertThat(QrImageUrls.RESPONSES.omitReversibly("{\"redirect_url\":null,\"qr_image_url\":null}")).isEmpty();
  }

  @Test
  void aBodyThatWouldNotComeBackTheSameIsKeptWhole() {
    // The placeholder is already there: drawing again would replace the wrong one.
    String body = "{\"earlier\":{\"qr_image_url\":\"qr-of:redirect_url\"},\"redirect_url\":\"" + URL
        + "\",\"qr_image_url\":\"" + QrImageUrls.of(URL) + "\"}";

    assertThat(QrImageUrls.RESPONSES.omit(body)).isPresent();
    assertThat(QrImageUrls.RESPONSES.omitReversibly(body)).isEmpty();
  }
}
