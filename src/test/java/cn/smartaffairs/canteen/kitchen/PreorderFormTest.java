package cn.smartaffairs.canteen.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A pre-order form's ticked dishes become portions: a dish ticked twice is two portions. */
class PreorderFormTest {

  @Test
  void eachTickIsOnePortionInTheOrderTicked() {
    var form = new PreorderForm();
    form.setItem(List.of(7L, 3L, 7L));
    assertThat(form.portions()).containsExactly(java.util.Map.entry(7L, 2), java.util.Map.entry(3L, 1));
  }

  @Test
  void nothingTickedIsNoPortions() {
    assertThat(new PreorderForm().portions()).isEmpty();
  }
}
