package cn.smartaffairs.canteen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** 结算销户: why the account closes (调出, 退休 …), kept with the settlement. */
public class ClosingForm implements Serializable {

  @NotBlank(message = "{canteen.reasonRequired}")
  @Size(max = 150) private String reason;

  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
}
