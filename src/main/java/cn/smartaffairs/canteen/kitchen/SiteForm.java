package cn.smartaffairs.canteen.kitchen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A new canteen (食堂) of the manager's region; kept in the session when refused. */
public class SiteForm implements Serializable {

  @NotBlank(message = "{canteen.kitchen.nameRequired}")
  @Size(max = 100, message = "{canteen.kitchen.nameRequired}") private String name;
  @Size(max = 200) private String address;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address; }
}
