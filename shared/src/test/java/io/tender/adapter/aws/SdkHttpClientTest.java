package io.tender.adapter.aws;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The SDK picks whatever HTTP client it finds when none is set. Only url-connection may be on the
 * classpath, so tests and Lambda cannot run different clients without anyone noticing.
 */
class SdkHttpClientTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "software.amazon.awssdk.http.apache.ApacheHttpClient",
      "software.amazon.awssdk.http.apache5.Apache5HttpClient",
      "software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient"})
  void otherSdkHttpClientsAreNotOnTheClasspath(String className) {
    assertThatThrownBy(() -> Class.forName(className)).isInstanceOf(ClassNotFoundException.class);
  }
}
