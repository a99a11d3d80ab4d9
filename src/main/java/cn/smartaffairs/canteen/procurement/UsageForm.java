package cn.smartaffairs.canteen.procurement;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** How much of a batch went into a dish of a day's menu (食材追溯); kept in the session when refused. */
public class UsageForm implements Serializable {

  @NotNull private Long siteId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
  @NotNull private Long batchId;
  @NotNull private Long menuItemId;
  @NotNull
  @Positive(message = "{canteen.kitchen.quantityInvalid}")
  @Digits(integer = 10, fraction = 2, message = "{canteen.kitchen.quantityInvalid}") private BigDecimal quantity;

  public Long getSiteId() { return siteId; }
  public void setSiteId(Long siteId) { this.siteId = siteId; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public Long getBatchId() { return batchId; }
  public void setBatchId(Long batchId) { this.batchId = batchId; }
  public Long getMenuItemId() { return menuItemId; }
  public void setMenuItemId(Long menuItemId) { this.menuItemId = menuItemId; }
  public BigDecimal getQuantity() { return quantity; }
  public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
}
