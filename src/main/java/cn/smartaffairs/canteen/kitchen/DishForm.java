package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A new dish of a canteen with its price typed in yuan (a third decimal rounded, as this form always did). */
public class DishForm implements Serializable {

  @NotNull private Long siteId;
  @NotBlank(message = "{canteen.kitchen.nameRequired}")
  @Size(max = 100, message = "{canteen.kitchen.nameRequired}") private String name;
  @NotBlank private String category;
  @NotBlank
  @YuanAmount(rounded = true) private String priceYuan;

  long priceFen() {
    return Money.ofFormYuanRounded(priceYuan).fen();
  }

  public Long getSiteId() { return siteId; }
  public void setSiteId(Long siteId) { this.siteId = siteId; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public String getPriceYuan() { return priceYuan; }
  public void setPriceYuan(String priceYuan) { this.priceYuan = priceYuan; }
}
