package cn.smartaffairs.notification;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Hands a stored notification to every enabled channel once the sender's transaction has committed, on a thread of its
 * own. Each channel's outcome is kept in {@code notification_delivery} (SENT, or FAILED with the reason and the number
 * of attempts). When a channel failed, the listener fails too, so its event publication stays incomplete and
 * {@code IncompleteEventResubmission} hands it back later with growing pauses; a channel that already delivered is
 * skipped then, so nobody gets the same mail twice.
 */
@Component
class NotificationDelivery {

  private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

  private final Notifications notifications;
  private final List<NotificationChannel> channels;
  private final JdbcClient jdbc;

  NotificationDelivery(Notifications notifications, List<NotificationChannel> channels, JdbcClient jdbc) {
    this.notifications = notifications;
    this.channels = List.copyOf(channels);
    this.jdbc = jdbc;
  }

  // no transaction: a slow mail server must not hold a database connection; each record commits on its own
  @ApplicationModuleListener(id = "notification.deliver", propagation = Propagation.NOT_SUPPORTED)
  void deliver(NotificationToDeliver stored) {
    var notification = notifications.get(stored.notificationId());
    if (notification.isEmpty()) {
      return; // deleted meanwhile: nothing left to deliver
    }
    List<String> failed = new ArrayList<>();
    for (NotificationChannel channel : channels) {
      if (!channel.enabled() || delivered(stored.notificationId(), channel.name())) {
        continue;
      }
      try {
        if (channel.deliver(notification.get())) {
          record(stored.notificationId(), channel.name(), "SENT", null);
        }
      } catch (Exception e) {
        log.warn("Notification {} not delivered by {}: {}", stored.notificationId(), channel.name(), e.toString());
        record(stored.notificationId(), channel.name(), "FAILED", abbreviate(String.valueOf(e.getMessage())));
        failed.add(channel.name());
      }
    }
    if (!failed.isEmpty()) {
      throw new DeliveryFailed(stored.notificationId(), failed);
    }
  }

  /** Leaves the publication incomplete, so that the delivery is tried again. */
  static class DeliveryFailed extends RuntimeException {
    DeliveryFailed(long notificationId, List<String> channels) {
      super("Notification " + notificationId + " not delivered by " + String.join(", ", channels), null, false, false);
    }
  }

  private boolean delivered(long notificationId, String channel) {
    return jdbc.sql("""
        select count(*) from notification_delivery
         where notification_id = :notification and channel = :channel and status = 'SENT'""")
        .param("notification", notificationId).param("channel", channel).query(Long.class).single() > 0;
  }

  private void record(long notificationId, String channel, String status, String detail) {
    jdbc.sql("""
        insert into notification_delivery (notification_id, channel, status, detail) values (:notification, :channel,
               :status, :detail)
        on conflict (notification_id, channel) do update
           set status = excluded.status, detail = excluded.detail, attempted_at = now(),
               attempts = notification_delivery.attempts + 1""")
        .param("notification", notificationId).param("channel", channel).param("status", status)
        .param("detail", detail).update();
  }

  private static String abbreviate(String text) {
    return text.length() <= 500 ? text : text.substring(0, 499) + "…";
  }
}
