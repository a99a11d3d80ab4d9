package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A cost of one vehicle (单车核算): kind, amount typed in yuan (a third decimal rounded, as the form always did), day,
 * and for fuel or charging the litres or kWh; that those two need a quantity is the domain's rule.
 */
public class CostForm implements Serializable {

  @NotNull private VehicleCosts.CostKind kind;
  @NotBlank
  @YuanAmount(rounded = true) private String amountYuan;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate incurredOn;
  @DecimalMin("0")
  @DecimalMax("99999999.99") private BigDecimal quantity;
  @Size(max = 100) private String supplier;
  @Size(max = 40) private String cardNo;

  VehicleCosts.NewCost toNewCost(long vehicleId) {
    return new VehicleCosts.NewCost(vehicleId, kind, Money.ofFormYuanRounded(amountYuan).fen(), incurredOn, quantity,
        supplier, cardNo, null);
  }

  public VehicleCosts.CostKind getKind() { return kind; }
  public void setKind(VehicleCosts.CostKind kind) { this.kind = kind; }
  public String getAmountYuan() { return amountYuan; }
  public void setAmountYuan(String amountYuan) { this.amountYuan = amountYuan; }
  public LocalDate getIncurredOn() { return incurredOn; }
  public void setIncurredOn(LocalDate incurredOn) { this.incurredOn = incurredOn; }
  public BigDecimal getQuantity() { return quantity; }
  public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
  public String getSupplier() { return supplier; }
  public void setSupplier(String supplier) { this.supplier = supplier; }
  public String getCardNo() { return cardNo; }
  public void setCardNo(String cardNo) { this.cardNo = cardNo; }
}
