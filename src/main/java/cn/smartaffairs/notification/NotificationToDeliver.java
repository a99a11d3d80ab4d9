package cn.smartaffairs.notification;

/** Published with every stored notification, so that {@link NotificationDelivery} hands it to the channels. */
record NotificationToDeliver(long notificationId) {}
