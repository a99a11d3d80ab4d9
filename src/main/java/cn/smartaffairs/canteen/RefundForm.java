package cn.smartaffairs.canteen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * 退款 of one meal payment (the row's {@code paymentId}, from the address) with its reason; the account's page shows a
 * refused reason beside that row's field.
 */
public class RefundForm implements Serializable {

  private Long paymentId;
  @NotNull private Long accountId;
  @NotBlank(message = "{canteen.reasonRequired}")
  @Size(max = 150) private String reason;

  public Long getPaymentId() { return paymentId; }
  public void setPaymentId(Long paymentId) { this.paymentId = paymentId; }
  public Long getAccountId() { return accountId; }
  public void setAccountId(Long accountId) { this.accountId = accountId; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
}
