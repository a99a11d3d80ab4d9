package cn.smartaffairs.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Notification settings. E-mail is off unless enabled; the SMTP server itself is configured with {@code spring.mail.*}.
 *
 * @param baseUrl where the platform is reached, so that links in e-mails can be opened
 */
@ConfigurationProperties("affairs.notifications")
public record NotificationProperties(@DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue Email email) {

  /** @param from the sender address of notification e-mails */
  public record Email(@DefaultValue("false") boolean enabled,
      @DefaultValue("noreply@smartaffairs.local") String from,
      @DefaultValue("智慧机关事务平台") String senderName) {}
}
