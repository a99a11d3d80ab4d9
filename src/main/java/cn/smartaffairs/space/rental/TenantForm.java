package cn.smartaffairs.space.rental;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A tenant (承租方) with its unified social credit code and who to call; the code's check digit is the rules'. */
public class TenantForm implements Serializable {

  @NotBlank
  @Size(max = 100) private String name;
  @NotBlank
  @Pattern(regexp = "\\s*[0-9A-HJ-NPQRTUWXYa-hj-npqrtuwxy]{18}\\s*", message = "{space.rental.creditCode.format}") private String creditCode;
  @NotBlank
  @Size(max = 40) private String contactName;
  /** A mobile or landline number, with +86, dashes, spaces, brackets or an extension (转 123) as people write them. */
  @NotBlank
  @Size(max = 30)
  @Pattern(regexp = "\\+?[0-9()（）\\s-]{5,25}((转|ext\\.?|x)\\s*\\d{1,6})?", message = "{space.rental.contactPhone.format}") private String contactPhone;

  RentalRecords.NewTenant toNewTenant() {
    return new RentalRecords.NewTenant(name, creditCode, contactName, contactPhone);
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getCreditCode() { return creditCode; }
  public void setCreditCode(String creditCode) { this.creditCode = creditCode; }
  public String getContactName() { return contactName; }
  public void setContactName(String contactName) { this.contactName = contactName; }
  public String getContactPhone() { return contactPhone; }
  public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
}
