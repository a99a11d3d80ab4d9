package cn.smartaffairs.meeting;

/**
 * Where an ordered 会务服务 stands; the values the CHECK on {@code meeting_service_order.status} allows (V13). It is
 * cancelled with its booking while still ORDERED.
 */
public enum ServiceOrderStatus {
  ORDERED, DELIVERED, CANCELLED
}
