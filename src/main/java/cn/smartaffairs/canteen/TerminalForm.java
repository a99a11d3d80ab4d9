package cn.smartaffairs.canteen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** 登记终端: a payment terminal's code, the canteen it stands in and a name to know it by. */
public class TerminalForm implements Serializable {

  @NotBlank(message = "{canteen.terminalCodeRequired}")
  @Size(max = 40, message = "{canteen.terminalCodeRequired}") private String terminalCode;
  @NotNull private Long canteenId;
  @Size(max = 60) private String name;

  public String getTerminalCode() { return terminalCode; }
  public void setTerminalCode(String terminalCode) { this.terminalCode = terminalCode; }
  public Long getCanteenId() { return canteenId; }
  public void setCanteenId(Long canteenId) { this.canteenId = canteenId; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
}
