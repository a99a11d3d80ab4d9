package cn.smartaffairs.canteen.procurement;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * 进货查验记录: one received batch with the fields the Food Safety Law asks for, the inspector's result and the rapid
 * pesticide-residue test (农残快检); a failed test always rejects the batch.
 */
public record Batch(long id, long siteId, Long requestId, long supplierId, String itemName, String spec,
    BigDecimal quantity, String unit, long unitPriceFen, String batchNo, LocalDate productionDate,
    int shelfLifeDays, LocalDate receivedOn, String supplierName, String supplierAddress,
    String supplierContact, String inspector, PesticideTest pesticideTest, InspectionResult result, String note,
    LocalDate keepUntil) {

  public LocalDate expiresOn() {
    return productionDate.plusDays(shelfLifeDays);
  }

  public boolean accepted() {
    return result == InspectionResult.ACCEPTED;
  }

  /** As a choice names it: "#12 猪五花肉 B2025-03". */
  public String choiceLabel() {
    return "#" + id + " " + itemName + (batchNo == null ? "" : " " + batchNo);
  }
}
