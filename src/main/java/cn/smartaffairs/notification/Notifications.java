package cn.smartaffairs.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 消息通知: stores a notification in the person's in-app inbox and hands it to every enabled channel. Channels run
 * only once the sender's transaction has committed, and their failures are recorded, never thrown: a mail server
 * that is down must not undo a dispatched work order.
 */
@Service
public class Notifications {

  private static final Logger log = LoggerFactory.getLogger(Notifications.class);

  private final JdbcClient jdbc;
  private final List<NotificationChannel> channels;
  private final TransactionTemplate separately;

  public Notifications(JdbcClient jdbc, List<NotificationChannel> channels, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.channels = List.copyOf(channels);
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Transactional
  public long send(long userId, String title, String body, String link) {
    Notification notification = jdbc.sql("""
        insert into notification (user_id, title, body, link) values (:user, :title, :body, :link)
        returning id, user_id, title, body, link, created_at, read_at""")
        .param("user", userId).param("title", abbreviate(title, 200)).param("body", abbreviate(body, 2000))
        .param("link", link)
        .query(Notifications::notification).single();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          deliver(notification);
        }
      });
    } else {
      deliver(notification);
    }
    return notification.id();
  }

  /** The newest notifications of one person first. */
  public List<Notification> latest(long userId, int limit) {
    return jdbc.sql("""
        select id, user_id, title, body, link, created_at, read_at from notification
         where user_id = :user order by id desc limit :limit""")
        .param("user", userId).param("limit", limit)
        .query(Notifications::notification).list();
  }

  public long unreadCount(long userId) {
    return jdbc.sql("select count(*) from notification where user_id = :user and read_at is null")
        .param("user", userId).query(Long.class).single();
  }

  /** Marks one of the person's own notifications read; answers false when they have no such notification. */
  @Transactional
  public boolean markRead(long userId, long notificationId) {
    return jdbc.sql("update notification set read_at = coalesce(read_at, now()) where id = :id and user_id = :user")
        .param("id", notificationId).param("user", userId).update() > 0;
  }

  @Transactional
  public int markAllRead(long userId) {
    return jdbc.sql("update notification set read_at = now() where user_id = :user and read_at is null")
        .param("user", userId).update();
  }

  private void deliver(Notification notification) {
    for (NotificationChannel channel : channels) {
      if (!channel.enabled()) {
        continue;
      }
      String status;
      String detail = null;
      try {
        if (!channel.deliver(notification)) {
          continue;
        }
        status = "SENT";
      } catch (Exception e) {
        log.warn("Notification {} not delivered by {}: {}", notification.id(), channel.name(), e.toString());
        status = "FAILED";
        detail = abbreviate(String.valueOf(e.getMessage()), 500);
      }
      record(notification.id(), channel.name(), status, detail);
    }
  }

  // after commit the finished transaction's connection is still bound, so the record needs its own transaction
  private void record(long notificationId, String channel, String status, String detail) {
    try {
      separately.executeWithoutResult(tx -> jdbc.sql("""
          insert into notification_delivery (notification_id, channel, status, detail)
          values (:notification, :channel, :status, :detail)""")
          .param("notification", notificationId).param("channel", channel).param("status", status)
          .param("detail", detail).update());
    } catch (RuntimeException e) {
      log.error("Delivery of notification {} by {} ({}) could not be recorded", notificationId, channel, status, e);
    }
  }

  private static String abbreviate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static Notification notification(ResultSet rs, int rowNum) throws SQLException {
    return new Notification(rs.getLong("id"), rs.getLong("user_id"), rs.getString("title"), rs.getString("body"),
        rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());
  }
}
