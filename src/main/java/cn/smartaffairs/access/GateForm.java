package cn.smartaffairs.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** What the gate reads: a pass's token (scanned) or a resident ID number (typed from the card). */
public class GateForm implements Serializable {

  @NotBlank
  @Size(max = 64) private String code;

  /** Eighteen characters of digits (and a final X) are an ID number; a pass token is 32 other characters. */
  boolean isIdNumber() {
    String typed = ResidentIdNumber.normalise(code);
    return typed != null && typed.matches("\\d{17}[\\dX]");
  }

  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
}
