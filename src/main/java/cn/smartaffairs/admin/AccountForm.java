package cn.smartaffairs.admin;

import cn.smartaffairs.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** The new-account form: who, where, which roles, and a first password. */
public class AccountForm {

  @NotBlank
  @Pattern(regexp = "[A-Za-z0-9._-]{3,50}", message = "{accountAdmin.usernameFormat}") private String username;
  @NotBlank
  @Size(max = 50) private String displayName;
  @NotBlank private String password;
  @NotNull private Long regionId;
  private Long unitId;
  @Size(max = 30) private String staffNo;
  private List<Role> roles = new ArrayList<>();

  public String getUsername() { return username; }
  public void setUsername(String username) { this.username = username; }
  public String getDisplayName() { return displayName; }
  public void setDisplayName(String displayName) { this.displayName = displayName; }
  public String getPassword() { return password; }
  public void setPassword(String password) { this.password = password; }
  public Long getRegionId() { return regionId; }
  public void setRegionId(Long regionId) { this.regionId = regionId; }
  public Long getUnitId() { return unitId; }
  public void setUnitId(Long unitId) { this.unitId = unitId; }
  public String getStaffNo() { return staffNo; }
  public void setStaffNo(String staffNo) { this.staffNo = staffNo; }
  public List<Role> getRoles() { return roles; }
  public void setRoles(List<Role> roles) { this.roles = roles; }
}
