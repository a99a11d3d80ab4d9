package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.vehicle.BoardChoices.Choice;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the board offers a request and which it preselects: plain records in, no Spring, no database. */
class BoardChoicesTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 9);
  private static final long CITY = 1;
  private static final long COUNTY = 2;

  private static Vehicle car(long id, VehicleCategory category, int seats, int odometerKm, LocalDate insuredUntil) {
    return new Vehicle(id, CITY, 10, "市财政局", "云A" + id, category, "红旗", "H5", true, false, 1498, 11_000_000L,
        seats, DAY.minusYears(1), odometerKm, "车队", 25.0, 102.7, VehicleStatus.IN_SERVICE, insuredUntil,
        DAY.plusYears(1));
  }

  private static Vehicle car(long id, int seats, int odometerKm) {
    return car(id, VehicleCategory.OTHER, seats, odometerKm, DAY.plusYears(1));
  }

  private static Drivers.Driver driver(long id, String name, LocalTime from, LocalTime to) {
    return new Drivers.Driver(id, CITY, 100 + id, name, null, "B1", DAY.plusYears(2), true, from, to);
  }

  private static TripRequest request(long region, int passengers, int fromHour, int toHour, List<Long> consents) {
    TripRequest.Stop centre = new TripRequest.Stop("市行政中心", 25.0, 102.7);
    return new TripRequest(7, region, 10L, "市财政局", 3, "用车人", "调研", passengers, VehicleCategory.OTHER, centre,
        List.of(new TripRequest.Stop("市档案馆", 25.01, 102.71)), DAY.atTime(fromHour, 0), DAY.atTime(toHour, 0), true,
        5.0, TripRequestStatus.APPROVED, 1L, consents);
  }

  private static Booking booked(long vehicle, long driver, int fromHour, int toHour) {
    return new Booking(vehicle, driver, DAY.atTime(fromHour, 0), DAY.atTime(toHour, 0));
  }

  private static Choice choose(TripRequest request, List<Vehicle> vehicles, List<Drivers.Driver> crew,
      List<Booking> booked) {
    return BoardChoices.choose(request, CITY, vehicles, Map.of(), crew, booked);
  }

  private static final List<Drivers.Driver> CREW = List.of(driver(1, "甲", LocalTime.of(7, 0), LocalTime.of(19, 0)));

  @Test
  void theSmallestCarThatSeatsThePartyIsPreselectedThenTheLeastUsed() {
    List<Vehicle> fleet = List.of(car(1, 8, 100), car(2, 5, 9_000), car(3, 5, 2_000), car(4, 4, 50));
    Choice choice = choose(request(CITY, 4, 9, 11, List.of()), fleet, CREW, List.of(booked(3, 9, 7, 8)));
    // the four-seater takes only three passengers; of the five-seaters, the one with no trip that day comes first
    assertThat(choice.vehicles()).extracting(Vehicle::id).containsExactly(2L, 3L, 1L);
    assertThat(choice.vehicleId()).isEqualTo(2L);
  }

  @Test
  void anotherCategoryALapsedInsuranceOrABookingInTheWindowIsNotOffered() {
    List<Vehicle> fleet = List.of(car(1, VehicleCategory.LAW_ENFORCEMENT, 5, 0, DAY.plusYears(1)),
        car(2, VehicleCategory.OTHER, 5, 0, DAY.minusDays(1)), car(3, 5, 0), car(4, 5, 10));
    Choice choice = choose(request(CITY, 2, 9, 11, List.of()), fleet, CREW, List.of(booked(3, 9, 10, 12)));
    assertThat(choice.vehicles()).extracting(Vehicle::id).containsExactly(4L);
    // a booking that ends when the trip starts does not hold the vehicle; it only puts it after one with no trip
    assertThat(choose(request(CITY, 2, 12, 13, List.of()), fleet, CREW, List.of(booked(3, 9, 10, 12))).vehicles())
        .extracting(Vehicle::id).containsExactly(4L, 3L);
  }

  @Test
  void onlyDriversOnShiftForTheWholeTripAndFreeInItAreOffered() {
    List<Drivers.Driver> crew = List.of(driver(1, "甲", LocalTime.of(7, 0), LocalTime.of(19, 0)),
        driver(2, "乙", LocalTime.of(7, 0), LocalTime.of(19, 0)),
        driver(3, "丙", LocalTime.of(12, 0), LocalTime.of(22, 0)),
        driver(4, "丁", LocalTime.of(7, 0), LocalTime.of(19, 0)));
    Choice choice = choose(request(CITY, 2, 9, 11, List.of()), List.of(car(1, 5, 0)), crew,
        List.of(booked(9, 2, 10, 11), booked(9, 4, 14, 15)));
    // 乙 drives in the window, 丙 starts at noon; 甲 has no trip that day and comes before 丁
    assertThat(choice.drivers()).extracting(Drivers.Driver::id).containsExactly(1L, 4L);
    assertThat(choice.driverId()).isEqualTo(1L);
  }

  @Test
  void anotherRegionsRequestIsServedOnlyOnceBothRegionsAgreedToMutualAid() {
    List<Vehicle> fleet = List.of(car(1, 5, 0));
    Choice asked = choose(request(COUNTY, 2, 9, 11, List.of(COUNTY)), fleet, CREW, List.of());
    assertThat(asked.vehicleFits()).isFalse();
    assertThat(asked.vehicles()).isEmpty();
    Choice agreed = choose(request(COUNTY, 2, 9, 11, List.of(CITY, COUNTY)), fleet, CREW, List.of());
    assertThat(agreed.vehicleId()).isEqualTo(1L);
    assertThat(agreed.driverFits()).isTrue();
  }

  @Test
  void nothingFitsWhenThePartyIsLargerThanEveryCar() {
    Choice choice = choose(request(CITY, 7, 9, 11, List.of()), List.of(car(1, 5, 0), car(2, 7, 0)), CREW, List.of());
    assertThat(choice.vehicleFits()).isFalse();
    assertThat(choice.vehicleId()).isNull();
  }
}
