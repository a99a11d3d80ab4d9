package cn.smartaffairs.notification;

/**
 * A way besides the in-app inbox to reach a person (e-mail, SMS, ...). Channels are Spring beans; {@link NotificationDelivery}
 * hands every stored notification to each enabled one after the sender's transaction has committed.
 */
public interface NotificationChannel {

  /** A short name for the delivery record, e.g. {@code EMAIL}. */
  String name();

  boolean enabled();

  /**
   * Delivers the notification. Answers false when the person cannot be reached this way (no address), throws when
   * delivery was attempted and failed; the caller records the outcome, tries a failed
   * delivery again later, and never lets it reach the business.
   */
  boolean deliver(Notification notification) throws Exception;
}
