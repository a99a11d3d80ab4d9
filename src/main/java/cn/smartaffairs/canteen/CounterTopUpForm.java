package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** 柜台充值: cash taken at the counter, typed in yuan, under the page's one-time key so a resend books it once. */
public class CounterTopUpForm implements Serializable {

  @NotBlank
  @YuanAmount private String amountYuan;
  @NotBlank
  @Size(max = 80) private String idempotencyKey;

  long amountFen() {
    return Money.ofFormYuan(amountYuan).fen();
  }

  public String getAmountYuan() { return amountYuan; }
  public void setAmountYuan(String amountYuan) { this.amountYuan = amountYuan; }
  public String getIdempotencyKey() { return idempotencyKey; }
  public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
}
