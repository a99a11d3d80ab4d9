package cn.smartaffairs.canteen.procurement;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A receiving inspection (进货查验记录) as the page binds it; the unit price is typed in yuan. */
public class InspectionForm implements Serializable {

  @NotNull private Long siteId;
  private Long requestId;
  @NotNull private Long supplierId;
  @NotBlank
  @Size(max = 200) private String itemName;
  @NotBlank
  @Size(max = 200) private String spec;
  @NotNull
  @Positive(message = "{canteen.kitchen.quantityInvalid}")
  @Digits(integer = 10, fraction = 2, message = "{canteen.kitchen.quantityInvalid}") private BigDecimal quantity;
  @NotBlank
  @Size(max = 20) private String unit;
  @YuanAmount(rounded = true) private String unitPriceYuan;
  private String batchNo;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate productionDate;
  @NotNull
  @Min(1) private Integer shelfLifeDays;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate receivedOn;
  @NotBlank
  @Size(max = 100) private String inspector;
  @NotNull(message = "{canteen.kitchen.pesticideTestRequired}") private PesticideTest pesticideTest;
  private boolean accepted;
  private String note;

  BatchDraft toDraft() {
    Money price = Money.ofFormYuanRounded(unitPriceYuan);
    return new BatchDraft(siteId, requestId, supplierId, itemName, spec, quantity, unit,
        price == null ? null : price.fen(), batchNo, productionDate, shelfLifeDays, receivedOn, inspector,
        pesticideTest.name(), accepted, note);
  }

  public Long getSiteId() { return siteId; }
  public void setSiteId(Long siteId) { this.siteId = siteId; }
  public Long getRequestId() { return requestId; }
  public void setRequestId(Long requestId) { this.requestId = requestId; }
  public Long getSupplierId() { return supplierId; }
  public void setSupplierId(Long supplierId) { this.supplierId = supplierId; }
  public String getItemName() { return itemName; }
  public void setItemName(String itemName) { this.itemName = itemName; }
  public String getSpec() { return spec; }
  public void setSpec(String spec) { this.spec = spec; }
  public BigDecimal getQuantity() { return quantity; }
  public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
  public String getUnit() { return unit; }
  public void setUnit(String unit) { this.unit = unit; }
  public String getUnitPriceYuan() { return unitPriceYuan; }
  public void setUnitPriceYuan(String unitPriceYuan) { this.unitPriceYuan = unitPriceYuan; }
  public String getBatchNo() { return batchNo; }
  public void setBatchNo(String batchNo) { this.batchNo = batchNo; }
  public LocalDate getProductionDate() { return productionDate; }
  public void setProductionDate(LocalDate productionDate) { this.productionDate = productionDate; }
  public Integer getShelfLifeDays() { return shelfLifeDays; }
  public void setShelfLifeDays(Integer shelfLifeDays) { this.shelfLifeDays = shelfLifeDays; }
  public LocalDate getReceivedOn() { return receivedOn; }
  public void setReceivedOn(LocalDate receivedOn) { this.receivedOn = receivedOn; }
  public String getInspector() { return inspector; }
  public void setInspector(String inspector) { this.inspector = inspector; }
  public PesticideTest getPesticideTest() { return pesticideTest; }
  public void setPesticideTest(PesticideTest pesticideTest) { this.pesticideTest = pesticideTest; }
  public boolean isAccepted() { return accepted; }
  public void setAccepted(boolean accepted) { this.accepted = accepted; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
}
