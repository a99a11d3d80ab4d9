package cn.smartaffairs.vehicle.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Distances between places are great-circle kilometres on WGS-84 coordinates, with no map service. */
class GeoPointTest {

  private static final GeoPoint TIANANMEN = new GeoPoint(39.9087, 116.3975);
  private static final GeoPoint PEOPLES_SQUARE_SHANGHAI = new GeoPoint(31.2304, 121.4737);

  @Test
  void aPlaceIsNoDistanceFromItself() {
    assertThat(TIANANMEN.greatCircleKm(TIANANMEN)).isZero();
  }

  @Test
  void beijingToShanghaiIsAboutOneThousandSixtySevenKilometres() {
    assertThat(TIANANMEN.greatCircleKm(PEOPLES_SQUARE_SHANGHAI)).isCloseTo(1067, within(5.0));
  }

  @Test
  void theDistanceIsTheSameInBothDirections() {
    assertThat(TIANANMEN.greatCircleKm(PEOPLES_SQUARE_SHANGHAI))
        .isCloseTo(PEOPLES_SQUARE_SHANGHAI.greatCircleKm(TIANANMEN), within(1e-9));
  }

  @Test
  void oneDegreeOfLatitudeIsAboutOneHundredElevenKilometres() {
    assertThat(new GeoPoint(30, 116).greatCircleKm(new GeoPoint(31, 116))).isCloseTo(111.2, within(0.1));
  }

  @Test
  void antipodesAreHalfTheEarthsCircumferenceApart() {
    assertThat(new GeoPoint(0, 0).greatCircleKm(new GeoPoint(0, 180))).isCloseTo(Math.PI * 6371.0088, within(0.01));
  }

  @Test
  void aCoordinateOffTheGlobeIsRefused() {
    assertThatThrownBy(() -> new GeoPoint(91, 116)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeoPoint(39, 181)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new GeoPoint(-90.5, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePolesAndTheDateLineAreValidPlaces() {
    assertThat(new GeoPoint(90, 180).greatCircleKm(new GeoPoint(-90, -180))).isCloseTo(Math.PI * 6371.0088,
        within(0.01));
  }
}
