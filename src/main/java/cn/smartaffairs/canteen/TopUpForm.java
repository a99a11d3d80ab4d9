package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import java.io.Serializable;

/** 在线充值: the amount the holder pays online, typed in yuan; kept in the session when refused. */
public class TopUpForm implements Serializable {

  @NotBlank
  @YuanAmount private String amountYuan;

  long amountFen() {
    return Money.ofFormYuan(amountYuan).fen();
  }

  public String getAmountYuan() { return amountYuan; }
  public void setAmountYuan(String amountYuan) { this.amountYuan = amountYuan; }
}
