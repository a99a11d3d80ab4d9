package cn.smartaffairs.space.rental;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.space.rental.LeaseTermRules.TermRule;
import cn.smartaffairs.space.rental.RentalRecords.Lease;
import cn.smartaffairs.space.rental.RentalRecords.NewLease;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The pure rules of a lease, apart from the database: what a lease must state to be signed, how long the term rule in
 * force lets it run, and when it may be ended early. Each rule throws the domain exception the manager sees;
 * {@link Rentals} locks, loads, asks these rules, saves and audits.
 */
final class LeaseRules {

  private LeaseRules() {}

  /**
   * A lease states its start and rent frequency, runs at least a month, has a positive annual rent and, if any, a
   * yearly increase of 0 to 100 % with at most two decimals.
   */
  static void checkTerms(NewLease lease) {
    if (lease.startDate() == null || lease.frequency() == null) {
      throw new BusinessRuleException("space.rental.leaseIncomplete");
    }
    if (lease.termMonths() < 1) {
      throw new BusinessRuleException("space.rental.termInvalid");
    }
    if (lease.annualRentFen() <= 0) {
      throw new BusinessRuleException("space.rental.rentInvalid");
    }
    BigDecimal increase = lease.yearlyIncreasePercent();
    if (increase != null && (increase.signum() < 0 || increase.compareTo(BigDecimal.valueOf(100)) > 0
        || increase.scale() > 2)) {
      throw new BusinessRuleException("space.rental.increaseInvalid");
    }
  }

  /** A term longer than the rule in force on the start date allows is refused, naming the rule. */
  static void checkTermAllowed(int termMonths, TermRule rule) {
    if (termMonths > rule.maxTermMonths()) {
      throw new BusinessRuleException("space.rental.termTooLong", termMonths, rule.name(),
          rule.maxTermMonths(), rule.effectiveFrom().toString());
    }
  }

  /** Only an active lease is ended early, on a last day from its start up to the day before its end. */
  static void checkTermination(Lease lease, LocalDate lastDay) {
    if (lease.status() != LeaseStatus.ACTIVE) {
      throw new ConflictException("space.rental.leaseNotActive", lease.contractNo());
    }
    if (lastDay == null || lastDay.isBefore(lease.startDate()) || !lastDay.isBefore(lease.endDate())) {
      throw new BusinessRuleException("space.rental.terminationDateInvalid");
    }
  }

  /** A lease is not ended before a period that has already been paid for, in part or in full. */
  static void checkNothingPaidAfter(long instalmentsPaidAfterLastDay) {
    if (instalmentsPaidAfterLastDay > 0) {
      throw new BusinessRuleException("space.rental.terminationAfterPaid");
    }
  }
}
