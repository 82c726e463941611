package io.tender.adapter.qr;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SVG is a real QR code: drawn back to pixels, ZXing's reader reads the URL out of it. */
class QrCodesTest {
  private static final Pattern VIEW_BOX = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"");
  private static final Pattern MODULE = Pattern.compile("M(\\d+),(\\d+)h1v1h-1z");
  private static final int SCALE = 4;

  @Test
  void theSvgDecodesToTheUrl() throws Exception {
    String url = "https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4e5F6g7H8i9J0?locale=en#fid=abc";

    String svg = QrCodes.svg(url);

    assertThat(decode(svg)).isEqualTo(url);
  }

  private static String decode(String svg) throws Exception {
    Matcher box = VIEW_BOX.matcher(svg);
    assertThat(box.find()).isTrue();
    int size = Integer.parseInt(box.group(1));
    int pixels = size * SCALE;
    int[] rgb = new int[pixels * pixels];
    java.util.Arrays.fill(rgb, 0xFFFFFF);
    Matcher module = MODULE.matcher(svg);
    while (module.find()) {
      int x = Integer.parseInt(module.group(1));
      int y = Integer.parseInt(module.group(2));
      for (int dy = 0; dy < SCALE; dy++) {
        for (int dx = 0; dx < SCALE; dx++) {
          rgb[(y * SCALE + dy) * pixels + x * SCALE + dx] = 0x000000;
        }
      }
    }
    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
        new RGBLuminanceSource(pixels, pixels, rgb)))).getText();
  }
}
