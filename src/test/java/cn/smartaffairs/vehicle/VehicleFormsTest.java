package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the vehicle pages' form objects take and the commands they become: yuan to fen, litres to ml, stops in order. */
class VehicleFormsTest {

  static ValidatorFactory factory;
  static Validator validator;

  @BeforeAll
  static void start() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void stop() {
    factory.close();
  }

  private static List<String> refusedFields(Object form) {
    return validator.validate(form).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString).sorted()
        .toList();
  }

  private static VehicleForm vehicle() {
    var form = new VehicleForm();
    form.setUnitId(7L);
    form.setPlate("云a·12345");
    form.setCategory(VehicleCategory.OTHER);
    form.setBrand("红旗");
    form.setModel("H5");
    form.setDisplacementLitres(new BigDecimal("1.498"));
    form.setPriceYuan("110,000.005");
    form.setPurchasedOn(LocalDate.of(2026, 1, 5));
    form.setParkingPlaceId(3L);
    form.setInsuranceUntil(LocalDate.of(2027, 1, 5));
    form.setInspectionUntil(LocalDate.of(2027, 1, 5));
    return form;
  }

  @Test
  void aVehicleIsRegisteredWithItsPriceInFenItsDisplacementInMlAndParkedWhereChosen() {
    VehicleForm form = vehicle();
    assertThat(refusedFields(form)).isEmpty();

    NewVehicle draft = form.toNewVehicle(new Drivers.Place(3, 1, "市机关车队停车场", 25.04, 102.71));

    assertThat(draft.priceFen()).as("a third decimal rounded, as the form always did").isEqualTo(11_000_001L);
    assertThat(draft.displacementMl()).isEqualTo(1498);
    assertThat(draft.domestic()).as("domestic unless unticked").isTrue();
    assertThat(draft.seats()).isEqualTo(5);
    assertThat(draft.parkingPlace()).isEqualTo("市机关车队停车场");
    assertThat(draft.parkingLat()).isEqualTo(25.04);
  }

  @Test
  void aPlateNoOneWritesAPriceThatIsNoAmountAndTooFewSeatsAreRefusedFieldByField() {
    VehicleForm form = vehicle();
    form.setPlate("ABC-123");
    form.setPriceYuan("十一万");
    form.setSeats(1);
    form.setDisplacementLitres(new BigDecimal("12"));

    assertThat(refusedFields(form)).containsExactly("displacementLitres", "plate", "priceYuan", "seats");
  }

  @Test
  void theUsualWaysOfWritingAPlateAreTaken() {
    for (String plate : new String[] {"云A12345", "云 a 12345", "云A·D12345", "京A1234警"}) {
      VehicleForm form = vehicle();
      form.setPlate(plate);
      assertThat(refusedFields(form)).as(plate).isEmpty();
    }
  }

  @Test
  void aCostBecomesFenAndAnEmptyProceedsOrTollIsNone() {
    var cost = new CostForm();
    cost.setKind(VehicleCosts.CostKind.FUEL);
    cost.setAmountYuan("300.5");
    cost.setIncurredOn(LocalDate.of(2026, 3, 1));
    cost.setQuantity(new BigDecimal("40"));
    assertThat(refusedFields(cost)).isEmpty();
    assertThat(cost.toNewCost(9).amountFen()).isEqualTo(30_050L);
    assertThat(cost.toNewCost(9).vehicleId()).isEqualTo(9L);

    var disposal = new DisposalForm();
    assertThat(disposal.proceedsFen()).isZero();
    disposal.setProceedsYuan("1,200");
    assertThat(disposal.proceedsFen()).isEqualTo(120_000L);

    var end = new TripEndForm();
    end.setOdometerKm(1008);
    end.setTollsYuan("10");
    end.setParkingYuan("");
    Trips.TripEnd trip = end.toTripEnd();
    assertThat(trip.tollsFen()).isEqualTo(1000L);
    assertThat(trip.parkingFen()).isZero();
    assertThat(trip.energyCostFen()).isZero();
  }

  @Test
  void aNegativeCostAndAMethodNoOneOffersAreRefused() {
    var cost = new CostForm();
    cost.setKind(VehicleCosts.CostKind.TOLL);
    cost.setAmountYuan("-5");
    cost.setIncurredOn(LocalDate.of(2026, 3, 1));
    assertThat(refusedFields(cost)).containsExactly("amountYuan");

    var disposal = new DisposalForm();
    disposal.setDisposedOn(LocalDate.of(2026, 3, 1));
    disposal.setMethod("GIFT");
    disposal.setReason("车况差");
    assertThat(refusedFields(disposal)).containsExactly("method");
  }

  @Test
  void aRequestTakesTheStopsChosenInOrderAndItsWindowOnTheDay() {
    var form = new TripRequestForm();
    form.setPurpose("调研");
    form.setOriginPlaceId(1L);
    form.setStopPlaceIds(Arrays.asList(4L, null, 6L));
    form.setDate(LocalDate.of(2026, 5, 6));
    form.setFrom(LocalTime.of(14, 0));
    form.setTo(LocalTime.of(17, 30));
    assertThat(refusedFields(form)).isEmpty();

    NewTripRequest request = form.toNewTripRequest();

    assertThat(request.stopPlaceIds()).containsExactly(4L, 6L);
    assertThat(request.start()).isEqualTo(LocalDate.of(2026, 5, 6).atTime(14, 0));
    assertThat(request.end()).isEqualTo(LocalDate.of(2026, 5, 6).atTime(17, 30));
    assertThat(request.passengers()).isEqualTo(1);
    assertThat(request.returns()).isTrue();
    assertThat(form.stopAt(1)).isNull();
    assertThat(form.stopAt(2)).isEqualTo(6L);
    assertThat(form.stopAt(5)).isNull();
  }

  @Test
  void aFlagHandlingGoesBackOnlyToTheComplianceList() {
    var form = new FlagHandlingForm();
    form.setBack("/vehicles/compliance?kind=INSURANCE_OVERDUE&page=2");
    assertThat(form.target()).isEqualTo("/vehicles/compliance?kind=INSURANCE_OVERDUE&page=2");
    form.setBack("https://elsewhere.example/vehicles/compliance");
    assertThat(form.target()).isEqualTo("/vehicles/compliance");
    form.setBack(null);
    assertThat(form.target()).isEqualTo("/vehicles/compliance");
  }
}
