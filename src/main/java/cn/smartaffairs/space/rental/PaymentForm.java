package cn.smartaffairs.space.rental;

import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** Rent received (收款) against one instalment, the amount typed in yuan; kept in the session when refused. */
public class PaymentForm implements Serializable {

  @NotNull private Long instalmentId;
  @NotBlank
  @YuanAmount private String amount;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate paidOn;
  /** Bank transfer unless another is chosen, as the form always assumed. */
  private String method;
  @Size(max = 200) private String note;

  RentalRecords.NewPayment toNewPayment() {
    return new RentalRecords.NewPayment(instalmentId, Yuan.toFen(amount), paidOn,
        method == null || method.isBlank() ? "TRANSFER" : method, note);
  }

  public Long getInstalmentId() { return instalmentId; }
  public void setInstalmentId(Long instalmentId) { this.instalmentId = instalmentId; }
  public String getAmount() { return amount; }
  public void setAmount(String amount) { this.amount = amount; }
  public LocalDate getPaidOn() { return paidOn; }
  public void setPaidOn(LocalDate paidOn) { this.paidOn = paidOn; }
  public String getMethod() { return method; }
  public void setMethod(String method) { this.method = method; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
}
