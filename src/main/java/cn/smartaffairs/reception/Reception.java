package cn.smartaffairs.reception;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 公务接待: one visit under one 公函, with its plan (meals, rooms, a vehicle request, a room booking), its 接待审批单
 * (the approval request), its 消费清单 and, once generated, its 接待清单 (activity, place, the responsible person who
 * signs, and what it said of guests, dates and total when generated).
 */
public record Reception(long id, long regionId, long hostUnitId, String hostUnitName, String letterNo,
    String guestUnit, String purpose, LocalDate arrival, LocalDate departure, ReceptionStatus status,
    Long approvalRequestId, long estimatedCostFen, Long vehicleRequestId, Long meetingBookingId, ReceptionList list,
    Instant closedAt, int version, List<Guest> guests, List<Meal> meals, List<Stay> stays,
    List<Consumption> consumption) {

  public record Guest(long id, int position, String name, String unit, String post, RankGrade grade) {}

  public record Meal(long id, LocalDate date, MealKind kind, int accompanying, long pricePerPersonFen,
      boolean inCanteen, String canteenChargeNo) {

    /** Whether the meal was charged to the host unit in the canteen (单位挂账). */
    public boolean canteenCharged() {
      return canteenChargeNo != null;
    }
  }

  public record Stay(long id, long guestId, String guestName, long hotelId, String hotelName, RoomKind roomKind,
      int nights, long pricePerNightFen) {}

  public record Consumption(long id, LocalDate spentOn, ConsumptionCategory category, String item, long amountFen,
      String invoiceNo) {}

  /** 接待清单 as generated: what it said, so closing can compare it with the documents as they are now. */
  public record ReceptionList(String activity, String place, String signedBy, Instant generatedAt, int guestCount,
      long totalFen, LocalDate arrival, LocalDate departure) {}

  public long consumptionTotalFen() {
    return consumption.stream().mapToLong(Consumption::amountFen).sum();
  }

  /** The four documents as they stand, for {@link ReceptionRules#checkClosing}. */
  ReceptionRules.Documents documents() {
    return new ReceptionRules.Documents(letterNo != null && !letterNo.isBlank(),
        approvalRequestId != null && (status == ReceptionStatus.APPROVED || status == ReceptionStatus.CLOSED),
        consumption.size(), consumptionTotalFen(), list != null, guests.size(),
        list == null ? null : list.guestCount(), list == null ? null : list.totalFen(), arrival, departure,
        list == null ? null : list.arrival(), list == null ? null : list.departure());
  }

  List<ReceptionRules.Meal> plannedMeals() {
    return meals.stream().map(m -> new ReceptionRules.Meal(m.date(), m.kind(), m.accompanying(),
        m.pricePerPersonFen())).toList();
  }
}
