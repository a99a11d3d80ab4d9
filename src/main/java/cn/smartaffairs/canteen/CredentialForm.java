package cn.smartaffairs.canteen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A face identity or a new QR secret for an account (a QR secret is generated when none is typed). */
public class CredentialForm implements Serializable {

  @NotBlank private String kind;
  @Size(max = 80) private String credential;

  public String getKind() { return kind; }
  public void setKind(String kind) { this.kind = kind; }
  public String getCredential() { return credential; }
  public void setCredential(String credential) { this.credential = credential; }
}
