package cn.smartaffairs.asset;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * 折旧 by 政府会计准则第3号——固定资产: straight line over the useful life, no residual value, by month. The month an asset
 * is acquired is its first month of depreciation (当月增加，当月计提); once the life is used up it is fully
 * depreciated and nothing more is charged while it stays in use. Assets of classes that are not depreciated (land,
 * heritage, books and archives) keep their original value. Each month's charge is the original value spread evenly in
 * whole fen: the accumulated depreciation after n months is value × n / life rounded half up, so the months add up
 * to the original value exactly.
 */
public final class Depreciation {

  private Depreciation() {}

  /** Where an asset stands at the end of a month. */
  public record Standing(long originalFen, long accumulatedFen, int monthsCharged, Integer lifeMonths) {

    public long bookValueFen() {
      return originalFen - accumulatedFen;
    }

    public boolean fullyDepreciated() {
      return lifeMonths != null && monthsCharged >= lifeMonths;
    }
  }

  /** The standing at the end of {@code month} of an asset acquired on {@code acquiredOn}. */
  public static Standing at(long originalFen, LocalDate acquiredOn, boolean depreciated, Integer lifeMonths,
      YearMonth month) {
    if (originalFen < 0) {
      throw new IllegalArgumentException("negative value");
    }
    if (!depreciated) {
      return new Standing(originalFen, 0, 0, null);
    }
    if (lifeMonths == null || lifeMonths < 1) {
      throw new IllegalArgumentException("a depreciated asset needs a useful life");
    }
    long elapsed = ChronoUnit.MONTHS.between(YearMonth.from(acquiredOn), month) + 1;
    int charged = (int) Math.max(0, Math.min(elapsed, lifeMonths));
    return new Standing(originalFen, accumulated(originalFen, lifeMonths, charged), charged, lifeMonths);
  }

  /** The charge of one month: what the accumulated depreciation grows by in it. */
  public static long chargeOf(long originalFen, int lifeMonths, int monthNumber) {
    if (monthNumber < 1 || monthNumber > lifeMonths) {
      return 0;
    }
    return accumulated(originalFen, lifeMonths, monthNumber) - accumulated(originalFen, lifeMonths, monthNumber - 1);
  }

  private static long accumulated(long originalFen, int lifeMonths, int months) {
    return Math.floorDiv(2 * originalFen * months + lifeMonths, 2L * lifeMonths);
  }
}
