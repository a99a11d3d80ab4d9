package cn.smartaffairs.platform.web;

import java.text.DateFormat;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Date;
import java.util.Locale;
import org.springframework.boot.autoconfigure.context.MessageSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles ({@code spring.messages.*}), with one change to Java's message format: a plain placeholder
 * ({@code {0}}) prints a whole number as it is. Java would group its digits, and years came out as "2,026 年度";
 * ids, counts of days and the like are no better grouped. A message that wants grouping says so
 * ({@code {0,number}}).
 */
@Configuration(proxyBeanMethods = false)
class MessageConfiguration {

  @Bean
  @ConfigurationProperties("spring.messages")
  MessageSourceProperties messageSourceProperties() {
    return new MessageSourceProperties();
  }

  @Bean
  MessageSource messageSource(MessageSourceProperties properties) {
    var source = new WholeNumberMessageSource();
    source.setBasenames(properties.getBasename().toArray(String[]::new));
    if (properties.getEncoding() != null) {
      source.setDefaultEncoding(properties.getEncoding().name());
    }
    source.setFallbackToSystemLocale(properties.isFallbackToSystemLocale());
    if (properties.getCacheDuration() != null) {
      source.setCacheMillis(properties.getCacheDuration().toMillis());
    }
    source.setAlwaysUseMessageFormat(properties.isAlwaysUseMessageFormat());
    source.setUseCodeAsDefaultMessage(properties.isUseCodeAsDefaultMessage());
    return source;
  }

  /** Bundles whose plain placeholders print whole numbers without digit grouping. */
  static class WholeNumberMessageSource extends ResourceBundleMessageSource {

    @Override
    protected MessageFormat createMessageFormat(String message, Locale locale) {
      MessageFormat format = super.createMessageFormat(message, locale);
      Format[] formats = format.getFormats();
      for (int i = 0; i < formats.length; i++) {
        if (formats[i] == null) {
          format.setFormat(i, new PlainArgument(locale));
        }
      }
      return format;
    }
  }

  /**
   * What {@link MessageFormat} does for a placeholder without a type, except that whole numbers keep their plain
   * digits.
   */
  static final class PlainArgument extends Format {

    private final Locale locale;

    PlainArgument(Locale locale) {
      this.locale = locale;
    }

    @Override
    public StringBuffer format(Object argument, StringBuffer to, FieldPosition position) {
      if (argument instanceof Integer || argument instanceof Long || argument instanceof Short
          || argument instanceof Byte || argument instanceof java.math.BigInteger) {
        return to.append(argument);
      }
      if (argument instanceof Number) {
        return NumberFormat.getInstance(locale).format(argument, to, position);
      }
      if (argument instanceof Date) {
        return DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT, locale).format(argument, to,
            position);
      }
      return to.append(argument);
    }

    @Override
    public Object parseObject(String source, ParsePosition position) {
      throw new UnsupportedOperationException("messages are only formatted");
    }
  }
}
