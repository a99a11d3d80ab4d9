package cn.smartaffairs.canteen.procurement;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A new supplier (供应商): name, address and who to call; kept in the session when refused. */
public class SupplierForm implements Serializable {

  @NotBlank
  @Size(max = 200) private String name;
  @NotBlank
  @Size(max = 300) private String address;
  @NotBlank
  @Size(max = 100) private String contact;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address; }
  public String getContact() { return contact; }
  public void setContact(String contact) { this.contact = contact; }
}
