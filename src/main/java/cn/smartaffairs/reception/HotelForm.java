package cn.smartaffairs.reception;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A designated hotel (定点饭店) of the region. */
public class HotelForm implements Serializable {

  @NotBlank
  @Size(max = 100) private String name;
  @Size(max = 200) private String address;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getAddress() { return address; }
  public void setAddress(String address) { this.address = address; }
}
