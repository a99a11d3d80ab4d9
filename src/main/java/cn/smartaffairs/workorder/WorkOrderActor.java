package cn.smartaffairs.workorder;

import cn.smartaffairs.security.CurrentUser;

/**
 * Who acts on an order, as far as its loop cares: the account, its staff record if it has one (the requester is named
 * by staff record), and whether it dispatches in the order's region (派单员).
 */
record WorkOrderActor(long userId, Long staffId, boolean dispatcher) {

  static WorkOrderActor of(CurrentUser user, long regionId) {
    return new WorkOrderActor(user.userId(), user.staffId(), WorkOrders.dispatches(user, regionId));
  }
}
