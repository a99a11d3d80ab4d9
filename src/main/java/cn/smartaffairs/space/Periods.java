package cn.smartaffairs.space;

import java.time.LocalDate;

/**
 * Validity periods [from, to) as allocations and offices keep them (an open period has no end), the same way the
 * database's {@code daterange(valid_from, valid_to, '[)')} exclusion constraints read them.
 */
final class Periods {

  private Periods() {}

  /** Whether the day lies in [from, to). */
  static boolean contains(LocalDate from, LocalDate to, LocalDate day) {
    return !day.isBefore(from) && reachesBeyond(to, day);
  }

  /** Whether a period ending on {@code to} (null: open) still runs on the day. */
  static boolean reachesBeyond(LocalDate to, LocalDate day) {
    return to == null || to.isAfter(day);
  }

  /** Whether [from1, to1) and [from2, to2) share a day. */
  static boolean overlap(LocalDate from1, LocalDate to1, LocalDate from2, LocalDate to2) {
    return reachesBeyond(to1, from2) && reachesBeyond(to2, from1);
  }
}
