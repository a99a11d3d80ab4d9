package cn.smartaffairs.access;

import java.time.LocalDate;

/** A pass as applied for: the holder is the applicant; a vehicle pass names its plate. */
public record PassDraft(PassKind kind, String plate, LocalDate validFrom, LocalDate validTo, String reason) {}
