package cn.smartaffairs.reception;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 人民币大写 as the approval form shows the estimated cost. */
class ChineseAmountTest {

  @ParameterizedTest
  @CsvSource({"0, 零元整", "5, 伍分", "105, 壹元零伍分", "123450, 壹仟贰佰叁拾肆元伍角", "36000, 叁佰陆拾元整",
      "1000500, 壹万零伍元整", "101000, 壹仟零壹拾元整", "10000000000, 壹亿元整", "1000100000, 壹仟万壹仟元整", "1000010000, 壹仟万零壹佰元整",
      "1010000000, 壹仟零壹拾万元整", "20000000000, 贰亿元整"})
  void amountsAreWrittenInCapitalNumerals(long fen, String words) {
    assertThat(ChineseAmount.of(fen)).isEqualTo(words);
  }
}
