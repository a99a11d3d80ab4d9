package cn.smartaffairs.canteen.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A quote's unit price is typed in yuan and a third decimal is rounded to the fen, as the form always did. */
class QuoteFormTest {

  @Test
  void aThirdDecimalIsRoundedToTheFen() {
    var form = new QuoteForm();
    form.setUnitPriceYuan("12.345");
    assertThat(form.unitPriceFen()).isEqualTo(1_235);
    form.setUnitPriceYuan("11.2");
    assertThat(form.unitPriceFen()).isEqualTo(1_120);
  }
}
