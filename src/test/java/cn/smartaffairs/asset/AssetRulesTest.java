package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The status moves of an asset and the shape of class codes. */
class AssetRulesTest {

  @Test
  void aDisposedAssetStaysDisposed() {
    assertThat(AssetStatus.DISPOSED.next()).isEmpty();
  }

  @Test
  void onlyAnAssetAwaitingDisposalIsDisposed() {
    for (AssetStatus status : AssetStatus.values()) {
      assertThat(status.mayMoveTo(AssetStatus.DISPOSED)).as(status.name())
          .isEqualTo(status == AssetStatus.PENDING_DISPOSAL);
    }
  }

  @Test
  void aLoanEndsBeforeTheAssetGoesToDisposal() {
    assertThat(AssetStatus.ON_LOAN.mayMoveTo(AssetStatus.PENDING_DISPOSAL)).isFalse();
    assertThat(AssetStatus.ON_LOAN.mayMoveTo(AssetStatus.IN_USE)).isTrue();
  }

  @Test
  void aNewAssetIsInUseIdleOrInTheWarehouse() {
    assertThat(AssetStatus.initial()).containsExactlyInAnyOrder(AssetStatus.IN_USE, AssetStatus.IDLE,
        AssetStatus.IN_WAREHOUSE);
  }

  @Test
  void aMoveNotAllowedIsRefusedByTheAsset() {
    Asset disposed = asset(AssetStatus.DISPOSED);

    assertThatThrownBy(() -> disposed.moveTo(AssetStatus.IN_USE)).isInstanceOf(BusinessRuleException.class)
        .hasMessageContaining("asset.statusMoveRefused");
    assertThat(asset(AssetStatus.IN_USE).moveTo(AssetStatus.IDLE)).isEqualTo(AssetStatus.IDLE);
  }

  @Test
  void aClassCoversItsSubClasses() {
    AssetClass equipment = new AssetClass(1, "A020000", "设备", null, true, true, LocalDate.of(2022, 12, 30));
    AssetClass computers = new AssetClass(2, "A020101", "计算机", "A020100", true, true, LocalDate.of(2022, 12, 30));

    assertThat(AssetClass.familyPrefix("A020000")).isEqualTo("A02");
    assertThat(AssetClass.familyPrefix("A020100")).isEqualTo("A0201");
    assertThat(AssetClass.familyPrefix("A02010101")).isEqualTo("A02010101");
    assertThat(equipment.covers("A02010101")).isTrue();
    assertThat(equipment.covers("A050101")).isFalse();
    assertThat(computers.covers("A02010102")).isTrue();
    assertThat(computers.covers("A020102")).isFalse();
    assertThat(equipment.level()).isEqualTo(1);
    assertThat(computers.level()).isEqualTo(3);
    assertThat(new AssetClass(3, "A02010101", "台式计算机", "A020101", true, true, null).level()).isEqualTo(4);
  }

  @Test
  void aRegionsOwnLifeRuleComesBeforeTheNationalOne() {
    var national = new LifeRules.LifeRule(1, null, "A020100", 72, LocalDate.of(2024, 1, 1));
    var regional = new LifeRules.LifeRule(2, 7L, "A020100", 96, LocalDate.of(2017, 1, 1));
    var newerNational = new LifeRules.LifeRule(3, null, "A020100", 84, LocalDate.of(2025, 1, 1));

    assertThat(LifeRules.preferred(national, regional)).isEqualTo(regional);
    assertThat(LifeRules.preferred(national, newerNational)).isEqualTo(newerNational);
  }

  private static Asset asset(AssetStatus status) {
    LocalDate bought = LocalDate.of(2024, 1, 5);
    return new Asset(1, 1, "ZC-1", "台式计算机", "A02010101", "台式计算机", null, null, bought, 600_000,
        FundingSource.FISCAL, true, 72, 1, "单位", null, null, null, null, null, status, bought, 0,
        Depreciation.at(600_000, bought, true, 72, java.time.YearMonth.of(2024, 1)));
  }
}
