package cn.smartaffairs.canteen.procurement;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new purchase request (采购申请) of a canteen: what, how much, by when; kept in the session when refused. */
public class PurchaseRequestForm implements Serializable {

  @NotNull private Long siteId;
  @NotBlank
  @Size(max = 200) private String itemName;
  private String spec;
  @NotNull
  @Positive(message = "{canteen.kitchen.quantityInvalid}")
  @Digits(integer = 10, fraction = 2, message = "{canteen.kitchen.quantityInvalid}") private BigDecimal quantity;
  @NotBlank
  @Size(max = 20) private String unit;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate neededBy;

  public Long getSiteId() { return siteId; }
  public void setSiteId(Long siteId) { this.siteId = siteId; }
  public String getItemName() { return itemName; }
  public void setItemName(String itemName) { this.itemName = itemName; }
  public String getSpec() { return spec; }
  public void setSpec(String spec) { this.spec = spec; }
  public BigDecimal getQuantity() { return quantity; }
  public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
  public String getUnit() { return unit; }
  public void setUnit(String unit) { this.unit = unit; }
  public LocalDate getNeededBy() { return neededBy; }
  public void setNeededBy(LocalDate neededBy) { this.neededBy = neededBy; }
}
