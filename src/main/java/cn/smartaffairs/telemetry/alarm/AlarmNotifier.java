package cn.smartaffairs.telemetry.alarm;

import cn.smartaffairs.notification.Notifications;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.telemetry.TrackLinks;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the vehicle managers and administrators of the vehicle's region of an alarm its terminal raised, in their
 * in-app inbox (and by mail where they gave an address): in Chinese and in English in one message, since a
 * notification is written once for whoever reads it; the link opens the vehicle's track around the moment. Runs after
 * the alarm's commit, in a transaction of its own, and is retried when it fails (ADR 0012).
 */
@Component
class AlarmNotifier {

  /** The track the notification links to: this long before and after the alarm. */
  static final Duration AROUND = Duration.ofMinutes(15);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private final Notifications notifications;
  private final Accounts accounts;
  private final MessageSource messages;

  AlarmNotifier(Notifications notifications, Accounts accounts, MessageSource messages) {
    this.notifications = notifications;
    this.accounts = accounts;
    this.messages = messages;
  }

  @ApplicationModuleListener(id = "telemetry.vehicle-alarm-raised")
  void on(VehicleAlarmRaised raised) {
    String title = text("telemetry.alarm.notice.title", raised, Locale.SIMPLIFIED_CHINESE) + " / "
        + text("telemetry.alarm.notice.title", raised, Locale.ENGLISH);
    String body = text("telemetry.alarm.notice.body", raised, Locale.SIMPLIFIED_CHINESE) + "\n"
        + text("telemetry.alarm.notice.body", raised, Locale.ENGLISH);
    String link = TrackLinks.ofAlarm(raised.vehicleId(), raised.at().minus(AROUND), raised.at().plus(AROUND),
        BigDecimal.valueOf(raised.latitude(), 6), BigDecimal.valueOf(raised.longitude(), 6));
    for (var manager : accounts.holding(raised.regionId(), Role.VEHICLE_MANAGER, Role.REGION_ADMIN)) {
      notifications.send(manager.userId(), title, body, link);
    }
  }

  private String text(String key, VehicleAlarmRaised raised, Locale locale) {
    String kind = messages.getMessage("telemetry.alarm.kind." + raised.kind().name(), null, locale);
    return messages.getMessage(key, new Object[] {raised.plate(), kind,
        TIME.format(LocalDateTime.ofInstant(raised.at(), VehicleAlarms.BEIJING)),
        BigDecimal.valueOf(raised.latitude(), 6).toPlainString(),
        BigDecimal.valueOf(raised.longitude(), 6).toPlainString(),
        BigDecimal.valueOf(raised.speedDecikmh(), 1).stripTrailingZeros().toPlainString()}, locale);
  }
}
