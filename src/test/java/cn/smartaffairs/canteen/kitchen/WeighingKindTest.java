package cn.smartaffairs.canteen.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scale weighs the food prepared or one kind of waste, each its own column of the day's waste. */
class WeighingKindTest {

  @Test
  void theFoodPreparedIsNoWasteAndEachKindOfWasteIsItsOwn() {
    assertThat(WeighingKind.PREPARED.waste()).isEmpty();
    assertThat(WeighingKind.PREPARATION.waste()).contains(Waste.Kind.PREPARATION);
    assertThat(WeighingKind.UNSOLD.waste()).contains(Waste.Kind.UNSOLD);
    assertThat(WeighingKind.PLATE.waste()).contains(Waste.Kind.PLATE);
  }
}
