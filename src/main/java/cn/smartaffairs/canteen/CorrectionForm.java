package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** 更正: an amount in yuan that adds (or, negative, takes back) cash, with the reason the ledger keeps. */
public class CorrectionForm implements Serializable {

  @NotBlank
  @YuanAmount(signed = true, message = "{canteen.signedAmountInvalid}") private String amountYuan;
  @NotBlank(message = "{canteen.reasonRequired}")
  @Size(max = 150) private String reason;
  @NotBlank
  @Size(max = 80) private String idempotencyKey;

  long amountFen() {
    return Money.ofFormYuan(amountYuan).fen();
  }

  public String getAmountYuan() { return amountYuan; }
  public void setAmountYuan(String amountYuan) { this.amountYuan = amountYuan; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getIdempotencyKey() { return idempotencyKey; }
  public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
}
