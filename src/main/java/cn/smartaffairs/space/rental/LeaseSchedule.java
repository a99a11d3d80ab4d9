package cn.smartaffairs.space.rental;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 租金计划: the instalments a lease owes. Rent is quoted per year for the first lease year; a yearly increase (递增)
 * compounds at each anniversary. Rent is paid in advance, so each instalment falls due on the first day of its period.
 * Each month's rent is kept exact; every instalment is rounded to the fen except the last, which takes what is left,
 * so the instalments always add up to the exactly rounded total of the lease.
 */
public final class LeaseSchedule {

  private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private LeaseSchedule() {}

  /** The last day of a lease that starts on {@code start} and runs {@code termMonths} months. */
  public static LocalDate endOf(LocalDate start, int termMonths) {
    return start.plusMonths(termMonths).minusDays(1);
  }

  /**
   * The instalments of a lease.
   *
   * @param annualRentFen the first lease year's rent in fen
   * @param yearlyIncreasePercent the increase at each anniversary, e.g. 3.5 for 3.5 %; null or zero for none
   */
  public static List<Instalment> instalments(LocalDate start, int termMonths, RentFrequency frequency,
      long annualRentFen, BigDecimal yearlyIncreasePercent) {
    if (start == null || frequency == null) {
      throw new IllegalArgumentException("start and frequency are required");
    }
    if (termMonths <= 0 || annualRentFen <= 0) {
      throw new IllegalArgumentException("term and rent must be positive");
    }
    BigDecimal increase = yearlyIncreasePercent == null ? BigDecimal.ZERO : yearlyIncreasePercent;
    if (increase.signum() < 0) {
      throw new IllegalArgumentException("the yearly increase cannot be negative");
    }
    BigDecimal[] monthly = new BigDecimal[termMonths];
    BigDecimal factor = BigDecimal.ONE.add(increase.divide(HUNDRED, MathContext.DECIMAL128));
    BigDecimal yearRent = BigDecimal.valueOf(annualRentFen);
    for (int month = 0; month < termMonths; month++) {
      if (month > 0 && month % 12 == 0) {
        yearRent = yearRent.multiply(factor, MathContext.DECIMAL128);
      }
      monthly[month] = yearRent.divide(TWELVE, MathContext.DECIMAL128);
    }
    BigDecimal exactTotal = BigDecimal.ZERO;
    for (BigDecimal rent : monthly) {
      exactTotal = exactTotal.add(rent);
    }
    long total = exactTotal.setScale(0, RoundingMode.HALF_UP).longValueExact();

    List<Instalment> instalments = new ArrayList<>();
    long assigned = 0;
    int sequence = 1;
    for (int first = 0; first < termMonths; first += frequency.months()) {
      int last = Math.min(first + frequency.months(), termMonths) - 1;
      LocalDate periodStart = start.plusMonths(first);
      LocalDate periodEnd = start.plusMonths(last + 1L).minusDays(1);
      long amount;
      if (last == termMonths - 1) {
        amount = total - assigned;
      } else {
        BigDecimal exact = BigDecimal.ZERO;
        for (int month = first; month <= last; month++) {
          exact = exact.add(monthly[month]);
        }
        amount = exact.setScale(0, RoundingMode.HALF_UP).longValueExact();
      }
      assigned += amount;
      instalments.add(new Instalment(sequence++, periodStart, periodEnd, periodStart, amount));
    }
    return List.copyOf(instalments);
  }

  /** The total a lease owes over its whole term, rounded once to the fen. */
  public static long total(List<Instalment> instalments) {
    return instalments.stream().mapToLong(Instalment::amountFen).sum();
  }
}
