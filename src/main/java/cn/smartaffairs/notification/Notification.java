package cn.smartaffairs.notification;

import java.time.Instant;

/** 消息通知: one message for one person, kept in their in-app inbox and handed to the other channels. */
public record Notification(long id, long userId, String title, String body, String link, Instant createdAt,
    Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
