package cn.smartaffairs.access;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A person put on the watch list: the ID number (checked by GB 11643, kept only hashed and masked), name, reason. */
public class WatchEntryForm implements Serializable {

  @NotBlank
  @Size(max = 30) private String idNumber;
  @NotBlank
  @Size(max = 50) private String personName;
  @NotBlank
  @Size(max = 500) private String reason;

  public String getIdNumber() { return idNumber; }
  public void setIdNumber(String idNumber) { this.idNumber = idNumber; }
  public String getPersonName() { return personName; }
  public void setPersonName(String personName) { this.personName = personName; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
}
