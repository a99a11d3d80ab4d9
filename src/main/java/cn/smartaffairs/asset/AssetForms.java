package cn.smartaffairs.asset;

import java.util.Map;

/** Which field of the registration form a broken rule concerns, so its message stands beside that field. */
final class AssetForms {

  private static final Map<String, String> RULE_FIELDS = Map.ofEntries(
      Map.entry("asset.numberInvalid", "number"), Map.entry("asset.numberTaken", "number"),
      Map.entry("asset.nameRequired", "name"), Map.entry("asset.classUnknown", "classCode"),
      Map.entry("asset.vehicleClassRequired", "classCode"), Map.entry("asset.purchaseDateInvalid", "purchasedOn"),
      Map.entry("asset.valueInvalid", "originalValue"), Map.entry("asset.lifeUnknown", "lifeMonths"),
      Map.entry("asset.lifeBelowRule", "lifeMonths"), Map.entry("asset.unitRequired", "unitId"),
      Map.entry("asset.vehicleUnitDiffers", "unitId"), Map.entry("asset.keeperUnknown", "keeperStaffId"),
      Map.entry("asset.roomOutsideRegion", "locationRoomId"), Map.entry("asset.vehicleDisposed", "vehicleId"),
      Map.entry("asset.vehicleRegistered", "vehicleId"), Map.entry("asset.initialStatusRefused", "status"));

  private AssetForms() {}

  static String fieldOf(String messageKey) {
    return RULE_FIELDS.get(messageKey);
  }
}
