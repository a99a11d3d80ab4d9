package cn.smartaffairs.notification;

import cn.smartaffairs.security.Accounts;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** 邮件通知: a plain-text UTF-8 mail to the account's address, through the SMTP server of {@code spring.mail.*}. */
@Component
class EmailChannel implements NotificationChannel {

  private final ObjectProvider<JavaMailSender> mailSender;
  private final Accounts accounts;
  private final NotificationProperties properties;

  EmailChannel(ObjectProvider<JavaMailSender> mailSender, Accounts accounts, NotificationProperties properties) {
    this.mailSender = mailSender;
    this.accounts = accounts;
    this.properties = properties;
  }

  @Override
  public String name() {
    return "EMAIL";
  }

  /** On when switched on and an SMTP server is configured (Spring Boot offers a sender once spring.mail.host is set). */
  @Override
  public boolean enabled() {
    return properties.email().enabled() && mailSender.getIfAvailable() != null;
  }

  @Override
  public boolean deliver(Notification notification) throws Exception {
    Optional<String> address = accounts.emailOf(notification.userId());
    if (address.isEmpty()) {
      return false;
    }
    JavaMailSender sender = mailSender.getObject();
    MimeMessage message = sender.createMimeMessage();
    MimeMessageHelper mail = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
    mail.setFrom(properties.email().from(), properties.email().senderName());
    mail.setTo(address.get());
    mail.setSubject("【" + properties.email().senderName() + "】" + notification.title());
    mail.setText(text(notification), false);
    sender.send(message);
    return true;
  }

  private String text(Notification notification) {
    StringBuilder text = new StringBuilder(notification.body());
    if (notification.link() != null) {
      text.append("\n\n查看详情：").append(properties.baseUrl()).append(notification.link());
    }
    return text.append("\n\n此邮件由系统自动发送，请勿回复。\n").toString();
  }
}
