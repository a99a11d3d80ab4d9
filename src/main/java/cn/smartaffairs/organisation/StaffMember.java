package cn.smartaffairs.organisation;

import java.time.LocalDate;

/** A staff member as lists and the API show them; the mobile number only ever leaves masked. */
public record StaffMember(
    long id,
    String staffNo,
    String name,
    String gender,
    long regionId,
    String regionName,
    long unitId,
    String unitName,
    Long departmentId,
    String departmentName,
    String postTitle,
    String rankCode,
    String rankName,
    boolean withinEstablishment,
    String mobileMasked,
    StaffStatus status,
    LocalDate joinedOn,
    LocalDate statusChangedOn) {}
