package cn.smartaffairs.notification;

import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** The address notifications are e-mailed to; empty stops them. Kept in the session when refused. */
public class EmailForm implements Serializable {

  @Size(max = 254) private String email;

  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = email; }
}
