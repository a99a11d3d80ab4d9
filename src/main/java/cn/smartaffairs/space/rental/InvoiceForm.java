package cn.smartaffairs.space.rental;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The invoice (发票) issued for one instalment; kept in the session when refused. */
public class InvoiceForm implements Serializable {

  @NotNull private Long instalmentId;
  @NotBlank
  @Size(max = 40) private String invoiceNo;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate issuedOn;

  public Long getInstalmentId() { return instalmentId; }
  public void setInstalmentId(Long instalmentId) { this.instalmentId = instalmentId; }
  public String getInvoiceNo() { return invoiceNo; }
  public void setInvoiceNo(String invoiceNo) { this.invoiceNo = invoiceNo; }
  public LocalDate getIssuedOn() { return issuedOn; }
  public void setIssuedOn(LocalDate issuedOn) { this.issuedOn = issuedOn; }
}
