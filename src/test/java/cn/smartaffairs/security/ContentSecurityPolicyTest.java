package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The pages' policy allows pictures from the platform and from exactly the origins the modules name. */
class ContentSecurityPolicyTest {

  @Test
  void withoutSourcesPicturesComeOnlyFromThePlatform() {
    assertThat(ContentSecurityPolicy.of(List.of())).contains("img-src 'self' data: blob:;", "script-src 'self';")
        .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
  }

  @Test
  void aModulesOriginIsAddedOnceToImagesAndNowhereElse() {
    String policy = ContentSecurityPolicy.of(List.of("https://*.tianditu.gov.cn", "https://*.tianditu.gov.cn"));
    assertThat(policy).contains("img-src 'self' data: blob: https://*.tianditu.gov.cn;")
        .containsOnlyOnce("tianditu");
  }

  @Test
  void aSourceThatIsNoPlainOriginIsRefused() {
    assertThatThrownBy(() -> ContentSecurityPolicy.of(List.of("https://a.cn; script-src *")))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ContentSecurityPolicy.of(List.of("*"))).isInstanceOf(IllegalStateException.class);
  }
}
