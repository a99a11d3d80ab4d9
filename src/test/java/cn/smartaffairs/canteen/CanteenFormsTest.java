package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The canteen's page forms turn the yuan a person typed into the fen the commands take. */
class CanteenFormsTest {

  @Test
  void aCorrectionTakesMoneyBackWithANegativeAmount() {
    var form = new CorrectionForm();
    form.setAmountYuan(" -5.5 ");
    assertThat(form.amountFen()).isEqualTo(-550);
  }

  @Test
  void topUpsReadGroupedYuan() {
    var online = new TopUpForm();
    online.setAmountYuan("1,234.50");
    var counter = new CounterTopUpForm();
    counter.setAmountYuan("25.5");
    assertThat(online.amountFen()).isEqualTo(123_450);
    assertThat(counter.amountFen()).isEqualTo(2_550);
  }

  @Test
  void aCategoryRuleWithoutCapOrDailyLimitHasNone() {
    var form = new CategoryRuleForm();
    form.setMonthlySubsidyYuan("300");
    form.setCapYuan(" ");
    form.setDailyLimitYuan("60.5");
    assertThat(form.monthlySubsidyFen()).isEqualTo(30_000);
    assertThat(form.capFen()).isNull();
    assertThat(form.dailyLimitFen()).isEqualTo(6_050);
  }

  @Test
  void priceAndTopUpRulesAreInFen() {
    var price = new PriceRuleForm();
    price.setPriceYuan("12");
    var limits = new TopUpRuleForm();
    limits.setMaxPerTopUpYuan("500");
    limits.setMaxPerDayYuan("800.01");
    assertThat(price.priceFen()).isEqualTo(1_200);
    assertThat(limits.maxPerTopUpFen()).isEqualTo(50_000);
    assertThat(limits.maxPerDayFen()).isEqualTo(80_001);
  }
}
