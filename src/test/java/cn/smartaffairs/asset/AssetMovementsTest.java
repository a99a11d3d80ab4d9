package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.approval.OpenTask;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An asset issued to a person and returned at once, transferred to another unit once approved, each with its 交接单. */
@IntegrationTest
class AssetMovementsTest {

  @Autowired AssetRegister register;
  @Autowired AssetMovements movements;
  @Autowired Approvals approvals;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  CurrentUser manager;
  LocalDate today;

  @BeforeEach
  void setUp() {
    manager = accounts.loadUserByUsername("asset.manager");
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  private long laptop() {
    return register.register(new NewAsset("M-" + UUID.randomUUID().toString().substring(0, 10), "便携式计算机",
        "A02010102", null, null, today.minusMonths(3), 700_000L, FundingSource.FISCAL, null, manager.unitId(), null,
        null, null, AssetStatus.IDLE), manager);
  }

  private long colleague() {
    return jdbc.sql("select min(id) from org_person where unit_id = :unit and status = 'ACTIVE' and id <> :me")
        .param("unit", manager.unitId()).param("me", manager.staffId()).query(Long.class).single();
  }

  @Test
  void anIssueGivesTheAssetToAPersonOfItsUnitAndAReturnTakesItBack() throws Exception {
    long asset = laptop();
    long person = colleague();

    long issue = movements.issue(asset, person, null, today.minusDays(2), manager);

    Asset issued = register.get(asset, manager);
    assertThat(issued.keeperStaffId()).isEqualTo(person);
    assertThat(issued.status()).isEqualTo(AssetStatus.IN_USE);
    assertThat(issued.statusSince()).isEqualTo(today.minusDays(2));
    long giveBack = movements.giveBack(asset, today, manager);
    Asset returned = register.get(asset, manager);
    assertThat(returned.keeperStaffId()).isNull();
    assertThat(returned.status()).isEqualTo(AssetStatus.IDLE);
    assertThat(movements.of(asset, manager)).extracting(AssetMovement::id).containsExactly(giveBack, issue);
    assertThatThrownBy(() -> movements.giveBack(asset, today, manager)).hasMessage("asset.returnRefused");
    assertThatThrownBy(() -> movements.issue(asset, person, null, today.plusDays(1), manager))
        .hasMessage("asset.movementDateInvalid");
    try (PDDocument pdf = Loader.loadPDF(movements.handover(issue, manager))) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("资产交接单").contains("领用").contains(issued.number()).contains("接收人");
    }
  }

  @Test
  void aPersonOfAnotherUnitIsNotIssuedTheAsset() {
    long asset = laptop();
    long stranger = jdbc.sql("select min(id) from org_person where unit_id <> :unit and region_id = :region")
        .param("unit", manager.unitId()).param("region", manager.regionId()).query(Long.class).single();

    assertThatThrownBy(() -> movements.issue(asset, stranger, null, today, manager))
        .hasMessage("asset.keeperNotOfUnit");
  }

  @Test
  void aTransferMovesTheAssetOnlyOnceApproved() throws Exception {
    long asset = laptop();
    long finance = accounts.loadUserByUsername("liaison").unitId();

    long transfer = movements.requestTransfer(asset, finance, today, "财政局新增编制", manager);

    assertThat(register.get(asset, manager).unitId()).isEqualTo(manager.unitId());
    assertThatThrownBy(() -> movements.requestTransfer(asset, finance, today, null, manager))
        .isInstanceOf(ConflictException.class);
    CurrentUser regionAdmin = accounts.loadUserByUsername("region.admin");
    long request = movements.get(transfer, manager).approvalRequestId();
    OpenTask task = approvals.openTasks(regionAdmin).stream().filter(t -> t.requestId() == request).findFirst()
        .orElseThrow();
    approvals.approve(task.taskId(), regionAdmin, "同意");

    awaitTrue(() -> register.get(asset, manager).unitId() == finance);
    AssetMovement done = movements.get(transfer, manager);
    assertThat(done.status()).isEqualTo(AssetMovement.Status.DONE);
    assertThat(done.fromUnitId()).isEqualTo(manager.unitId());
    assertThat(done.toUnitId()).isEqualTo(finance);
    try (PDDocument pdf = Loader.loadPDF(movements.handover(transfer, manager))) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("调拨").contains(done.toUnitName());
    }
  }

  @Test
  void aRejectedTransferLeavesTheAssetWhereItWas() throws Exception {
    long asset = laptop();
    long finance = accounts.loadUserByUsername("liaison").unitId();
    long transfer = movements.requestTransfer(asset, finance, today, null, manager);
    CurrentUser regionAdmin = accounts.loadUserByUsername("region.admin");
    long request = movements.get(transfer, manager).approvalRequestId();
    OpenTask task = approvals.openTasks(regionAdmin).stream().filter(t -> t.requestId() == request).findFirst()
        .orElseThrow();

    approvals.reject(task.taskId(), regionAdmin, "暂不调拨");

    awaitTrue(() -> movements.get(transfer, manager).status() == AssetMovement.Status.REJECTED);
    assertThat(register.get(asset, manager).unitId()).isEqualTo(manager.unitId());
  }

  private static void awaitTrue(Supplier<Boolean> condition) throws InterruptedException {
    Instant until = Instant.now().plus(Duration.ofSeconds(20));
    while (!condition.get()) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("the approval's outcome did not reach the asset within 20 s");
      }
      Thread.sleep(100);
    }
  }
}
