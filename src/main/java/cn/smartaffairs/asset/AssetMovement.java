package cn.smartaffairs.asset;

import java.time.LocalDate;

/**
 * 资产变动: an issue to a person (领用), a return (退还) or a transfer to another unit (调拨, approved first), with the
 * day it took effect and who held the asset before and after.
 */
public record AssetMovement(long id, long assetId, Kind kind, Status status, LocalDate onDate, long fromUnitId,
    String fromUnitName, long toUnitId, String toUnitName, Long fromKeeperId, String fromKeeperName, Long toKeeperId,
    String toKeeperName, String note, Long approvalRequestId) {

  public enum Kind {
    ISSUE, RETURN, TRANSFER
  }

  public enum Status {
    PENDING, DONE, REJECTED, WITHDRAWN
  }
}
