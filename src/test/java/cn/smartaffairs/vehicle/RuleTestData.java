package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/** Small builders of plain records for the rule tests: a request, a car, a driver, a booking. No Spring. */
final class RuleTestData {

  static final LocalDate DAY = LocalDate.of(2026, 12, 9);
  static final long CITY = 1;
  static final long COUNTY = 2;

  private RuleTestData() {}

  /** A request of the city for two passengers of 其他, 09:00–11:00 on {@link #DAY}, in the given state. */
  static TripRequest request(TripRequestStatus status) {
    return request(status, 2, DAY.atTime(9, 0), DAY.atTime(11, 0), List.of());
  }

  static TripRequest request(TripRequestStatus status, int passengers, LocalDateTime start, LocalDateTime end,
      List<Long> consents) {
    TripRequest.Stop centre = new TripRequest.Stop("市行政中心", 25.0, 102.7);
    return new TripRequest(7, CITY, 10L, "市财政局", 3, "用车人", "调研", passengers, VehicleCategory.OTHER, centre,
        List.of(new TripRequest.Stop("市档案馆", 25.01, 102.71)), start, end, true, 5.0, status, 1L, consents);
  }

  static TripRequest waiting() {
    return request(TripRequestStatus.APPROVED);
  }

  /** A city car of 其他 with five seats (four for passengers), in service, insured and inspected for a year. */
  static Vehicle car() {
    return car(CITY, VehicleCategory.OTHER, 5, VehicleStatus.IN_SERVICE, DAY.plusYears(1), DAY.plusYears(1));
  }

  static Vehicle car(long region, VehicleCategory category, int seats, VehicleStatus status, LocalDate insuredUntil,
      LocalDate inspectedUntil) {
    return new Vehicle(11, region, 10, "市财政局", "云A12345", category, "红旗", "H5", true, false, 1498, 11_000_000L,
        seats, DAY.minusYears(1), 20_000, "车队", 25.0, 102.7, status, insuredUntil, inspectedUntil);
  }

  /** 张师傅 of the city, available, licence valid for two years, on shift 07:00–19:00. */
  static Drivers.Driver driver() {
    return driver(CITY, true, DAY.plusYears(2), LocalTime.of(7, 0), LocalTime.of(19, 0));
  }

  static Drivers.Driver driver(long region, boolean available, LocalDate licenceExpires, LocalTime from, LocalTime to) {
    return new Drivers.Driver(21, region, 100, "张师傅", null, "B1", licenceExpires, available, from, to);
  }

  static Booking booked(long vehicleId, long driverId, int fromHour, int toHour) {
    return new Booking(vehicleId, driverId, DAY.atTime(fromHour, 0), DAY.atTime(toHour, 0));
  }

  /** The check refuses with a 400 naming the message key. */
  static void refusedWith(Runnable check, String messageKey) {
    assertThatThrownBy(check::run).isInstanceOfSatisfying(BusinessRuleException.class, e -> {
      assertThat(e).isNotInstanceOf(ConflictException.class);
      assertThat(e.messageKey()).isEqualTo(messageKey);
    });
  }

  /** The check refuses with a 409 naming the message key. */
  static void conflictsWith(Runnable check, String messageKey) {
    assertThatThrownBy(check::run)
        .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.messageKey()).isEqualTo(messageKey));
  }
}
