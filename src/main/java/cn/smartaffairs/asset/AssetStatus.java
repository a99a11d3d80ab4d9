package cn.smartaffairs.asset;

import java.util.EnumSet;
import java.util.Set;

/**
 * 资产状态: 在用, 闲置, 在仓 (in the 公物仓), 借出, 待处置, 已处置, and which status may follow which. A disposed asset
 * stays disposed; an asset awaiting disposal goes back only to where it can be used or offered again.
 */
public enum AssetStatus {
  IN_USE, IDLE, IN_WAREHOUSE, ON_LOAN, PENDING_DISPOSAL, DISPOSED;

  /** The statuses this one may move to. */
  public Set<AssetStatus> next() {
    return switch (this) {
      case IN_USE -> EnumSet.of(IDLE, IN_WAREHOUSE, ON_LOAN, PENDING_DISPOSAL);
      case IDLE -> EnumSet.of(IN_USE, IN_WAREHOUSE, ON_LOAN, PENDING_DISPOSAL);
      case IN_WAREHOUSE -> EnumSet.of(IN_USE, IDLE, ON_LOAN, PENDING_DISPOSAL);
      case ON_LOAN -> EnumSet.of(IN_USE, IDLE, IN_WAREHOUSE);
      case PENDING_DISPOSAL -> EnumSet.of(IN_USE, IDLE, IN_WAREHOUSE, DISPOSED);
      case DISPOSED -> EnumSet.noneOf(AssetStatus.class);
    };
  }

  public boolean mayMoveTo(AssetStatus target) {
    return next().contains(target);
  }

  /** The statuses an asset may be registered in (it is in use, idle or already in the warehouse). */
  public static Set<AssetStatus> initial() {
    return EnumSet.of(IN_USE, IDLE, IN_WAREHOUSE);
  }
}
