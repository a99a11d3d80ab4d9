package cn.smartaffairs.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.support.StaticMessageSource;

class MessageConfigurationTest {

  private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

  private final MessageSource bundles = new MessageConfiguration().messageSource(properties());

  @Test
  void yearsInTheBundlesKeepTheirPlainDigits() {
    assertThat(bundles.getMessage("space.filingTitle", new Object[] {2026}, ZH)).isEqualTo("2026 年度领导干部办公用房备案");
    assertThat(bundles.getMessage("space.publicationTitle", new Object[] {2026}, Locale.ENGLISH))
        .contains("2026").doesNotContain("2,026");
    assertThat(bundles.getMessage("calendar.title", new Object[] {2026L}, ZH)).isEqualTo("2026年工作日历");
  }

  @Test
  void aPlainPlaceholderPrintsWholeNumbersUngroupedAndEverythingElseAsJavaWould() {
    var source = new MessageConfiguration.WholeNumberMessageSource();
    var messages = new StaticMessageSource() {
      @Override
      protected java.text.MessageFormat createMessageFormat(String message, Locale locale) {
        return source.createMessageFormat(message, locale);
      }
    };
    messages.addMessage("plain", ZH, "{0} 条，{1} 元，{2}");
    messages.addMessage("grouped", ZH, "共 {0,number} 条");

    assertThat(messages.getMessage("plain", new Object[] {123456, new BigDecimal("1234.5"), "文字"}, ZH))
        .isEqualTo("123456 条，1,234.5 元，文字");
    assertThat(messages.getMessage("grouped", new Object[] {123456}, ZH)).isEqualTo("共 123,456 条");
  }

  private static MessageSourceProperties properties() {
    var properties = new MessageSourceProperties();
    properties.setBasename(List.of("i18n/messages", "i18n/space"));
    properties.setFallbackToSystemLocale(false);
    properties.setCacheDuration(Duration.ofSeconds(-1));
    return properties;
  }
}
