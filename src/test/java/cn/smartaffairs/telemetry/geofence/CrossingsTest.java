package cn.smartaffairs.telemetry.geofence;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.telemetry.geofence.Crossings.Crossing;
import cn.smartaffairs.telemetry.geofence.Crossings.Fence;
import cn.smartaffairs.telemetry.geofence.Crossings.Fix;
import cn.smartaffairs.telemetry.geofence.Crossings.Side;
import cn.smartaffairs.telemetry.geofence.Geometry.Circle;
import cn.smartaffairs.telemetry.geofence.Geometry.Rectangle;
import cn.smartaffairs.telemetry.geofence.Geometry.Vertex;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A change of side is a crossing; a side learned for the first time is none. */
class CrossingsTest {

  private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
  /** A yard of 300 m around 25.040000, 102.714000. */
  private static final Fence YARD = new Fence(1, Circle.of(new Vertex(25_040_000, 102_714_000), 300), T0);
  /** A compound north of it, 25.050–25.060 × 102.710–102.720. */
  private static final Fence COMPOUND = new Fence(2,
      Rectangle.of(new Vertex(25_050_000, 102_710_000), new Vertex(25_060_000, 102_720_000)), T0);

  private static Fix fix(int minute, int latitude, int longitude) {
    return new Fix(T0.plusSeconds(60L * minute), latitude, longitude);
  }

  @Test
  void aCarDrivingOutOfTheYardAndIntoTheCompoundCrossesTwice() {
    List<Fix> drive = List.of(fix(1, 25_040_000, 102_714_000), fix(2, 25_041_000, 102_714_000),
        fix(3, 25_045_000, 102_714_000), fix(4, 25_049_000, 102_714_000), fix(5, 25_051_000, 102_714_000),
        fix(6, 25_055_000, 102_714_000));

    Crossings.Result result = Crossings.evaluate(List.of(YARD, COMPOUND), Map.of(), drive);

    assertThat(result.crossings()).extracting(Crossing::geofenceId, Crossing::entered, c -> c.fix().at())
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, false, T0.plusSeconds(180)),
            org.assertj.core.groups.Tuple.tuple(2L, true, T0.plusSeconds(300)));
    assertThat(result.changedSides()).containsEntry(1L, new Side(false, T0.plusSeconds(180)))
        .containsEntry(2L, new Side(true, T0.plusSeconds(300)));
  }

  @Test
  void theFirstPositionOnlyTellsTheSideAndStayingPutChangesNothing() {
    Crossings.Result first = Crossings.evaluate(List.of(YARD), Map.of(), List.of(fix(1, 25_040_000, 102_714_000)));
    assertThat(first.crossings()).isEmpty();
    assertThat(first.changedSides()).containsEntry(1L, new Side(true, T0.plusSeconds(60)));

    Crossings.Result still = Crossings.evaluate(List.of(YARD), first.changedSides(),
        List.of(fix(2, 25_040_100, 102_714_000), fix(3, 25_039_900, 102_714_100)));
    assertThat(still.crossings()).isEmpty();
    assertThat(still.changedSides()).isEmpty();
  }

  @Test
  void aKnownSideFromTheLastRoundMakesTheNextPositionACrossing() {
    Map<Long, Side> known = Map.of(1L, new Side(false, T0));

    Crossings.Result back = Crossings.evaluate(List.of(YARD), known, List.of(fix(7, 25_040_500, 102_714_000)));

    assertThat(back.crossings()).singleElement().satisfies(c -> {
      assertThat(c.entered()).isTrue();
      assertThat(c.fix().latitude()).isEqualTo(25_040_500);
    });
  }

  @Test
  void inAndOutAndInAgainIsThreeCrossings() {
    Map<Long, Side> known = Map.of(1L, new Side(true, T0));
    List<Fix> jitter = List.of(fix(1, 25_045_000, 102_714_000), fix(2, 25_040_000, 102_714_000),
        fix(3, 25_045_000, 102_714_000));

    assertThat(Crossings.evaluate(List.of(YARD), known, jitter).crossings()).extracting(Crossing::entered)
        .containsExactly(false, true, false);
  }

  @Test
  void positionsBeforeTheFenceWasDrawnOrBeforeTheKnownSideArePassedOver() {
    Fence redrawn = new Fence(1, YARD.geometry(), T0.plusSeconds(600));
    Crossings.Result result = Crossings.evaluate(List.of(redrawn), Map.of(),
        List.of(fix(5, 25_045_000, 102_714_000), fix(11, 25_040_000, 102_714_000)));
    assertThat(result.crossings()).isEmpty();
    assertThat(result.changedSides()).containsEntry(1L, new Side(true, T0.plusSeconds(660)));

    Crossings.Result late = Crossings.evaluate(List.of(YARD), Map.of(1L, new Side(true, T0.plusSeconds(600))),
        List.of(fix(5, 25_045_000, 102_714_000)));
    assertThat(late.crossings()).isEmpty();
  }
}
