package cn.smartaffairs.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** The staff form as the page binds it; turns into a {@link StaffDraft}. */
public class StaffForm {

  @NotNull private Long unitId;
  private Long departmentId;
  @NotBlank
  @Size(max = 30)
  @Pattern(regexp = "[A-Za-z0-9_-]*", message = "{staff.staffNo.format}") private String staffNo;
  @NotBlank
  @Size(max = 50) private String name;
  private String gender;
  @Size(max = 60) private String postTitle;
  @NotBlank private String rankCode;
  private boolean withinEstablishment = true;
  /** As people type it (spaces, dashes, +86 allowed); {@link MobileNumber} normalises it. */
  @Pattern(regexp = "(\\+86)?[\\s-]*1[3-9]([\\s-]*\\d){9}[\\s-]*", message = "{staff.mobile.format}") private String mobile;
  @NotNull private StaffStatus status = StaffStatus.ACTIVE;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate joinedOn;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate statusChangedOn;

  static StaffForm of(StaffMember member, String mobile) {
    var form = new StaffForm();
    form.unitId = member.unitId();
    form.departmentId = member.departmentId();
    form.staffNo = member.staffNo();
    form.name = member.name();
    form.gender = member.gender();
    form.postTitle = member.postTitle();
    form.rankCode = member.rankCode();
    form.withinEstablishment = member.withinEstablishment();
    form.mobile = mobile;
    form.status = member.status();
    form.joinedOn = member.joinedOn();
    form.statusChangedOn = member.statusChangedOn();
    return form;
  }

  StaffDraft toDraft() {
    return new StaffDraft(unitId, departmentId, staffNo, name, gender, postTitle, rankCode, withinEstablishment, mobile,
        status, joinedOn, statusChangedOn);
  }

  public Long getUnitId() { return unitId; }
  public void setUnitId(Long unitId) { this.unitId = unitId; }
  public Long getDepartmentId() { return departmentId; }
  public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
  public String getStaffNo() { return staffNo; }
  public void setStaffNo(String staffNo) { this.staffNo = staffNo; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getGender() { return gender; }
  public void setGender(String gender) { this.gender = gender; }
  public String getPostTitle() { return postTitle; }
  public void setPostTitle(String postTitle) { this.postTitle = postTitle; }
  public String getRankCode() { return rankCode; }
  public void setRankCode(String rankCode) { this.rankCode = rankCode; }
  public boolean isWithinEstablishment() { return withinEstablishment; }
  public void setWithinEstablishment(boolean withinEstablishment) { this.withinEstablishment = withinEstablishment; }
  public String getMobile() { return mobile; }
  public void setMobile(String mobile) { this.mobile = mobile; }
  public StaffStatus getStatus() { return status; }
  public void setStatus(StaffStatus status) { this.status = status; }
  public LocalDate getJoinedOn() { return joinedOn; }
  public void setJoinedOn(LocalDate joinedOn) { this.joinedOn = joinedOn; }
  public LocalDate getStatusChangedOn() { return statusChangedOn; }
  public void setStatusChangedOn(LocalDate statusChangedOn) { this.statusChangedOn = statusChangedOn; }
}
