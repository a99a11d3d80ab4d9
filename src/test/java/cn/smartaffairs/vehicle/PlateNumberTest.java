package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import org.junit.jupiter.api.Test;

class PlateNumberTest {

  @Test
  void ordinaryPlatesWithAndWithoutTheDotAreAccepted() {
    assertThat(PlateNumber.parse("云A·12345").value()).isEqualTo("云A12345");
    assertThat(PlateNumber.parse("京b 8a88z").value()).isEqualTo("京B8A88Z");
    assertThat(PlateNumber.parse("云A0501警").value()).isEqualTo("云A0501警");
    assertThat(PlateNumber.parse("云A12345").isNewEnergy()).isFalse();
  }

  @Test
  void newEnergyPlatesHaveSixCharactersAfterTheOffice() {
    assertThat(PlateNumber.parse("云AD12345").isNewEnergy()).isTrue();
    assertThat(PlateNumber.parse("粤BFA1234").isNewEnergy()).isTrue();
    assertThat(PlateNumber.parse("沪A12345D").isNewEnergy()).isTrue();
  }

  @Test
  void anythingElseIsRefusedNamingThePlate() {
    for (String plate : new String[] {"AB12345", "云I12345", "云A1234", "云AX12345", "云A12345F1", "X云A1234", ""}) {
      assertThatThrownBy(() -> PlateNumber.parse(plate)).isInstanceOf(BusinessRuleException.class)
          .hasMessage("vehicle.plateInvalid");
    }
    assertThatThrownBy(() -> PlateNumber.parse(null)).isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void theLettersIAndONeverAppearInASerialBecauseTheyReadAsOneAndZero() {
    for (String plate : new String[] {"云A1234I", "云AO1234", "云A12O45"}) {
      assertThatThrownBy(() -> PlateNumber.parse(plate)).as(plate).isInstanceOf(BusinessRuleException.class);
    }
  }

  @Test
  void trailerAndDrivingSchoolPlatesEndInTheirCharacter() {
    assertThat(PlateNumber.parse("云A1234挂").value()).isEqualTo("云A1234挂");
    assertThat(PlateNumber.parse("云A1234学").isNewEnergy()).isFalse();
    assertThatThrownBy(() -> PlateNumber.parse("云A挂1234")).isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void aSmallNewEnergyPlateEndsInFourDigitsAndALargeOneInDOrF() {
    assertThatThrownBy(() -> PlateNumber.parse("云ADA1A34")).isInstanceOf(BusinessRuleException.class);
    assertThatThrownBy(() -> PlateNumber.parse("云A1234AD")).isInstanceOf(BusinessRuleException.class);
    assertThatThrownBy(() -> PlateNumber.parse("云A12345X")).isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void aPlateMustStartWithTheCharacterOfAMainlandProvince() {
    assertThatThrownBy(() -> PlateNumber.parse("港A12345")).isInstanceOf(BusinessRuleException.class);
    assertThat(PlateNumber.parse("藏A12345").value()).isEqualTo("藏A12345");
  }
}
