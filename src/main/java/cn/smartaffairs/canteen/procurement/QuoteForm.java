package cn.smartaffairs.canteen.procurement;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/**
 * 报价: one supplier's unit price for a purchase request (the row's {@code requestId}, from the address), typed in
 * yuan with a third decimal rounded as this form always did; the page's canteen travels with it.
 */
public class QuoteForm implements Serializable {

  private Long siteId;
  private Long requestId;
  @NotNull private Long supplierId;
  @NotBlank
  @YuanAmount(rounded = true) private String unitPriceYuan;

  long unitPriceFen() {
    return Money.ofFormYuanRounded(unitPriceYuan).fen();
  }

  public Long getSiteId() { return siteId; }
  public void setSiteId(Long siteId) { this.siteId = siteId; }
  public Long getRequestId() { return requestId; }
  public void setRequestId(Long requestId) { this.requestId = requestId; }
  public Long getSupplierId() { return supplierId; }
  public void setSupplierId(Long supplierId) { this.supplierId = supplierId; }
  public String getUnitPriceYuan() { return unitPriceYuan; }
  public void setUnitPriceYuan(String unitPriceYuan) { this.unitPriceYuan = unitPriceYuan; }
}
