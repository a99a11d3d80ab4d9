package cn.smartaffairs.telemetry.geofence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.telemetry.geofence.Geometry.Circle;
import cn.smartaffairs.telemetry.geofence.Geometry.Polygon;
import cn.smartaffairs.telemetry.geofence.Geometry.Rectangle;
import cn.smartaffairs.telemetry.geofence.Geometry.Vertex;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Inside and outside of each shape, and the outlines that cannot be a fence. */
class GeometryTest {

  private static Vertex at(String lat, String lon) {
    return Vertex.of(new BigDecimal(lat), new BigDecimal(lon));
  }

  private static void refused(Runnable making, String key) {
    assertThatThrownBy(making::run).isInstanceOf(BusinessRuleException.class)
        .extracting(e -> ((BusinessRuleException) e).messageKey()).isEqualTo(key);
  }

  @Test
  void degreesBecomeMillionthsRoundedToSixDecimals() {
    assertThat(at("25.0400004", "102.7140006")).isEqualTo(new Vertex(25_040_000, 102_714_001));
    assertThat(at("-33.86882", "-151.20929")).isEqualTo(new Vertex(-33_868_820, -151_209_290));
    assertThat(new Vertex(25_040_000, 102_714_001).lat()).isEqualByComparingTo("25.04");
  }

  @Test
  void aCircleHoldsWhatLiesWithinItsRadius() {
    Circle yard = Circle.of(at("25.040000", "102.714000"), 300);
    // 0.001° of latitude is about 111 m, 0.003° about 334 m; 0.003° of longitude at 25° N about 303 m
    assertThat(yard.contains(25_041_000, 102_714_000)).isTrue();
    assertThat(yard.contains(25_040_000, 102_714_000)).isTrue();
    assertThat(yard.contains(25_043_000, 102_714_000)).isFalse();
    assertThat(yard.contains(25_040_000, 102_716_900)).isTrue();
    assertThat(yard.contains(25_040_000, 102_717_100)).isFalse();
  }

  @Test
  void aRectangleHoldsItsInsideAndItsEdgesWhicheverCornersWereGiven() {
    Rectangle compound = Rectangle.of(at("25.035", "102.720"), at("25.045", "102.708"));
    assertThat(compound.northWest()).isEqualTo(new Vertex(25_045_000, 102_708_000));
    assertThat(compound.southEast()).isEqualTo(new Vertex(25_035_000, 102_720_000));
    assertThat(compound.contains(25_040_000, 102_714_000)).isTrue();
    assertThat(compound.contains(25_045_000, 102_714_000)).as("on the north edge").isTrue();
    assertThat(compound.contains(25_045_001, 102_714_000)).isFalse();
    assertThat(compound.contains(25_040_000, 102_707_999)).isFalse();
  }

  @Test
  void aConcavePolygonLeavesOutItsNotch() {
    // an L: the square 0–10 × 0–10 (in millionths) without its north-east quarter 5–10 × 5–10
    Polygon ell = Polygon.of(List.of(new Vertex(0, 0), new Vertex(0, 10), new Vertex(5, 10), new Vertex(5, 5),
        new Vertex(10, 5), new Vertex(10, 0)));
    assertThat(ell.contains(2, 2)).isTrue();
    assertThat(ell.contains(2, 8)).isTrue();
    assertThat(ell.contains(8, 2)).isTrue();
    assertThat(ell.contains(8, 8)).as("in the notch").isFalse();
    assertThat(ell.contains(5, 7)).as("on the notch's edge").isTrue();
    assertThat(ell.contains(10, 0)).as("a vertex").isTrue();
    assertThat(ell.contains(-1, 2)).isFalse();
    assertThat(ell.contains(2, 11)).isFalse();
  }

  @Test
  void aPolygonClosedByRepeatingItsFirstVertexCountsItOnce() {
    Polygon triangle = Polygon.of(List.of(new Vertex(0, 0), new Vertex(0, 10), new Vertex(10, 0), new Vertex(0, 0)));
    assertThat(triangle.vertices()).hasSize(3);
  }

  @Test
  void aZeroRadiusIsRefused() {
    refused(() -> Circle.of(at("25.04", "102.714"), 0), "telemetry.geofence.radiusInvalid");
    refused(() -> Circle.of(at("25.04", "102.714"), 500_001), "telemetry.geofence.radiusInvalid");
    refused(() -> Circle.of(null, 300), "telemetry.geofence.centreRequired");
  }

  @Test
  void aLatitudeBeyondNinetyIsRefused() {
    refused(() -> at("91", "102.714"), "telemetry.geofence.latitudeInvalid");
    refused(() -> at("25", "180.5"), "telemetry.geofence.longitudeInvalid");
    refused(() -> Vertex.of(new BigDecimal("25"), null), "telemetry.geofence.pointRequired");
  }

  @Test
  void aPolygonOfTwoPointsIsRefused() {
    refused(() -> Polygon.of(List.of(new Vertex(0, 0), new Vertex(0, 10))), "telemetry.geofence.polygonTooFew");
    refused(() -> Polygon.of(List.of(new Vertex(0, 0), new Vertex(0, 10), new Vertex(0, 10), new Vertex(0, 0))),
        "telemetry.geofence.polygonTooFew");
  }

  @Test
  void aPolygonWhoseEdgesCrossOrFoldIsRefused() {
    // a bow tie
    refused(() -> Polygon.of(List.of(new Vertex(0, 0), new Vertex(10, 10), new Vertex(10, 0), new Vertex(0, 10))),
        "telemetry.geofence.polygonCrossing");
    // three points on a line
    refused(() -> Polygon.of(List.of(new Vertex(0, 0), new Vertex(5, 5), new Vertex(10, 10))),
        "telemetry.geofence.polygonCrossing");
    // a spike back along its own edge
    refused(() -> Polygon.of(List.of(new Vertex(0, 0), new Vertex(0, 10), new Vertex(0, 5), new Vertex(10, 0))),
        "telemetry.geofence.polygonCrossing");
  }

  @Test
  void aPolygonOfMoreVerticesThanOneCommandHoldsIsRefused() {
    List<Vertex> circle = new java.util.ArrayList<>();
    for (int i = 0; i < 101; i++) {
      double angle = 2 * Math.PI * i / 101;
      circle.add(new Vertex(25_000_000 + (int) (10_000 * Math.sin(angle)),
          102_000_000 + (int) (10_000 * Math.cos(angle))));
    }
    refused(() -> Polygon.of(circle), "telemetry.geofence.polygonTooMany");
    assertThat(Polygon.of(circle.subList(0, 100)).vertices()).hasSize(100);
  }

  @Test
  void aFlatRectangleIsRefused() {
    refused(() -> Rectangle.of(at("25.04", "102.70"), at("25.04", "102.72")), "telemetry.geofence.rectangleFlat");
    refused(() -> Rectangle.of(at("25.04", "102.70"), null), "telemetry.geofence.cornersRequired");
  }

  @Test
  void aFenceAcrossTheEquatorIsRefused() {
    refused(() -> Rectangle.of(at("1", "102"), at("-1", "103")), "telemetry.geofence.acrossHemispheres");
  }
}
