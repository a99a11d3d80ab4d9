package cn.smartaffairs.access;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A visit as typed by a host or a visitor: the ID number and mobile in full (checked, then only kept encrypted);
 * a window left out is the whole day.
 */
public record VisitDraft(String visitorName, String idNumber, String mobile, String plate, LocalDate visitOn,
    LocalTime windowFrom, LocalTime windowTo, String purpose, Long hostStaffId) {}
