package cn.smartaffairs.canteen.procurement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 登记证照: a licence of one supplier (the row's {@code supplierId}, from the address), its number and expiry.
 */
public class LicenceForm implements Serializable {

  private Long supplierId;
  @NotNull private LicenceKind kind;
  @NotBlank
  @Size(max = 100) private String number;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate expiresOn;

  public Long getSupplierId() { return supplierId; }
  public void setSupplierId(Long supplierId) { this.supplierId = supplierId; }
  public LicenceKind getKind() { return kind; }
  public void setKind(LicenceKind kind) { this.kind = kind; }
  public String getNumber() { return number; }
  public void setNumber(String number) { this.number = number; }
  public LocalDate getExpiresOn() { return expiresOn; }
  public void setExpiresOn(LocalDate expiresOn) { this.expiresOn = expiresOn; }
}
