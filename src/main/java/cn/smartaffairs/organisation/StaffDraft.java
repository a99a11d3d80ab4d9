package cn.smartaffairs.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What a form, the API or an import row says about a staff member, before it is checked against the data. */
public record StaffDraft(
    @NotNull Long unitId,
    Long departmentId,
    @NotBlank @Size(max = 30) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "{staff.staffNo.format}") String staffNo,
    @NotBlank @Size(max = 50) String name,
    @Pattern(regexp = "[MF]?") String gender,
    @Size(max = 60) String postTitle,
    @NotBlank String rankCode,
    boolean withinEstablishment,
    String mobile,
    @NotNull StaffStatus status,
    LocalDate joinedOn,
    LocalDate statusChangedOn) {}
