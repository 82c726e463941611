package io.tender.local.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestTimeTest {

  @ParameterizedTest
  @CsvSource({
    "2020-03-12T19:03:58.390Z, 12/Mar/2020:19:03:58 +0000",
    "2021-09-05T03:04:05Z, 05/Sep/2021:03:04:05 +0000",
    "1999-12-31T23:59:59.999Z, 31/Dec/1999:23:59:59 +0000",
    "2024-05-01T00:00:00Z, 01/May/2024:00:00:00 +0000",
  })
  void formatsLikeApiGatewayInUtcWhateverTheDefaultLocale(String instant, String expected) {
    Locale saved = Locale.getDefault();
    try {
      // German writes "März" and "Dez."; the format must not follow the machine's locale.
      Locale.setDefault(Locale.GERMANY);
      assertThat(RequestTime.format(Instant.parse(instant))).isEqualTo(expected);
    } finally {
      Locale.setDefault(saved);
    }
  }
}
