package cn.smartaffairs.space.rental;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The records of letting: what the pages, the API and the ledger show. */
public final class RentalRecords {

  private RentalRecords() {}

  /** 承租方. */
  public record Tenant(long id, long regionId, String name, String creditCode, String contactName,
      String contactPhone) {}

  public record NewTenant(String name, String creditCode, String contactName, String contactPhone) {}

  /** 可出租房产, with the tenant of the lease in force today, if any. */
  public record Lettable(long id, long regionId, String name, long buildingId, String buildingName, Long roomId,
      String roomNumber, BigDecimal areaM2, String purpose, Long currentLeaseId,
      String currentTenant) {}

  /** A room of the register (its area is the room's), or a part of a building with its own area. */
  public record NewLettable(String name, long buildingId, Long roomId, BigDecimal areaM2, String purpose) {}

  /** 租赁合同 with what it owes in total and what has been paid. */
  public record Lease(long id, long regionId, long lettableId, String lettableName, long tenantId, String tenantName,
      String contractNo, LocalDate startDate, int termMonths, LocalDate endDate,
      RentFrequency frequency, long annualRentFen, BigDecimal yearlyIncreasePercent, LeaseStatus status,
      int version, String termRuleName, long totalFen, long paidFen) {}

  public record NewLease(long lettableId, long tenantId, String contractNo, LocalDate startDate, int termMonths,
      RentFrequency frequency, long annualRentFen, BigDecimal yearlyIncreasePercent) {}

  /** An instalment as stored, with what has been paid against it and its invoice. */
  public record ScheduledInstalment(long id, long leaseId, int sequence, LocalDate periodStart, LocalDate periodEnd,
      LocalDate dueDate, long amountFen, long paidFen, String invoiceNo,
      LocalDate invoicedOn) {
    public long outstandingFen() {
      return amountFen - paidFen;
    }

    public boolean overdueOn(LocalDate today) {
      return outstandingFen() > 0 && dueDate.isBefore(today);
    }
  }

  /** 收款 against an instalment, with our receipt number. */
  public record Payment(long id, long instalmentId, int sequence, long amountFen, LocalDate paidOn, String method,
      String receiptNo, String note, String recordedBy) {}

  public record NewPayment(long instalmentId, long amountFen, LocalDate paidOn, String method, String note) {}

  /** 欠租: an instalment past its due date and not fully paid. */
  public record Arrear(long instalmentId, long leaseId, String contractNo, String tenantName, String lettableName,
      LocalDate dueDate, long amountFen, long paidFen, long daysOverdue) {
    public long outstandingFen() {
      return amountFen - paidFen;
    }
  }

  /** 出租房产安全检查. */
  public record SafetyCheck(long id, long lettableId, String lettableName, LocalDate checkedOn, String inspector,
      SafetyCheckResult result, String notes) {}

  public record NewSafetyCheck(long lettableId, LocalDate checkedOn, String inspector, String result, String notes) {}
}
