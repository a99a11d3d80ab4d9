package cn.smartaffairs.canteen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** 新增食堂: a canteen of the manager's region, where its terminals stand. */
public class CanteenForm implements Serializable {

  @NotBlank(message = "{canteen.nameRequired}")
  @Size(max = 60) private String name;
  @Size(max = 200) private String address;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address; }
}
