package cn.smartaffairs.notification;

import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.workorder.WorkOrderMoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people when a work order needs them: the handler when it is dispatched or reopened, the requester when it is
 * resolved and when it is closed. Runs after the order's transaction committed, on a thread and in a transaction of
 * its own, and is retried when it fails (ADR 0012), so a notification never holds up or undoes the order.
 */
@Component
class WorkOrderNotifier {

  private static final Logger log = LoggerFactory.getLogger(WorkOrderNotifier.class);

  private final Notifications notifications;
  private final Accounts accounts;

  WorkOrderNotifier(Notifications notifications, Accounts accounts) {
    this.notifications = notifications;
    this.accounts = accounts;
  }

  @ApplicationModuleListener(id = "notification.work-order-moved")
  void on(WorkOrderMoved moved) {
    String link = "/work-orders/" + moved.workOrderId();
    String what = abbreviate(moved.description());
    switch (moved.action()) {
      case "DISPATCH" -> toHandler(moved, "新工单 " + moved.orderNo() + "：" + what,
          "新工单 " + moved.orderNo() + "：" + moved.description() + "，请及时处理。", link);
      case "REOPEN" -> toHandler(moved, "工单重新办理 " + moved.orderNo() + "：" + what,
          "工单 " + moved.orderNo() + " 回访不满意，需重新办理：" + moved.description() + "，请及时处理。", link);
      case "RESOLVE" -> toRequester(moved, "您的工单已办结，请确认：" + moved.orderNo(),
          "您的工单 " + moved.orderNo() + "（" + what + "）已办结，请确认。", link);
      case "CLOSE" -> toRequester(moved, "您的工单已销号：" + moved.orderNo(),
          "您的工单 " + moved.orderNo() + "（" + what + "）已办理完毕并销号，感谢您的反馈。", link);
      default -> {
      }
    }
  }

  private void toHandler(WorkOrderMoved moved, String title, String body, String link) {
    if (moved.assigneeUserId() != null) {
      notifications.send(moved.assigneeUserId(), title, body, link);
    }
  }

  private void toRequester(WorkOrderMoved moved, String title, String body, String link) {
    if (moved.requesterStaffId() == null) {
      return; // a hotline caller without a staff record is answered by phone
    }
    accounts.accountOfStaff(moved.requesterStaffId()).ifPresentOrElse(
        userId -> notifications.send(userId, title, body, link),
        () -> log.debug("Requester staff {} of {} has no account", moved.requesterStaffId(), moved.orderNo()));
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 39) + "…";
  }
}
