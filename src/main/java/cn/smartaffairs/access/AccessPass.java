package cn.smartaffairs.access;

import java.time.Instant;
import java.time.LocalDate;

/** 通行证: a staff or vehicle pass of a region, valid on the days from {@code validFrom} to {@code validTo}. */
public record AccessPass(long id, long regionId, PassKind kind, long holderStaffId, String holderName, String plate,
    LocalDate validFrom, LocalDate validTo, String reason, PassStatus status, Long approvalRequestId, String qrToken,
    Instant revokedAt, String revocationReason, Instant createdAt) {

  /** Whether the pass lets its holder or plate in on a day. */
  public boolean validOn(LocalDate day) {
    return status == PassStatus.ACTIVE && !day.isBefore(validFrom) && !day.isAfter(validTo);
  }
}
