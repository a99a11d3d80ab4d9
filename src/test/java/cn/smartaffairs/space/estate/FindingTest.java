package cn.smartaffairs.space.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.estate.EstateRecords.Campaign;
import cn.smartaffairs.space.estate.EstateRecords.Finding;
import cn.smartaffairs.space.estate.EstateRecords.NewCampaign;
import cn.smartaffairs.space.estate.EstateRecords.NewFinding;
import cn.smartaffairs.workbench.TodoInbox;
import cn.smartaffairs.workorder.WorkOrder;
import cn.smartaffairs.workorder.WorkOrderPhotos;
import cn.smartaffairs.workorder.WorkOrders;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class FindingTest {

  @Autowired Inspections inspections;
  @Autowired WorkOrders workOrders;
  @Autowired WorkOrderPhotos workOrderPhotos;
  @Autowired Accounts accounts;
  @Autowired TodoInbox inbox;
  @Autowired OverdueFindingWatch overdueWatch;
  @Autowired cn.smartaffairs.support.TestClock clock;
  CurrentUser manager;
  CurrentUser liaison;
  Campaign campaign;

  @BeforeEach
  void setUp() {
    manager = accounts.loadUserByUsername("space.manager");
    liaison = accounts.loadUserByUsername("liaison");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    campaign = inspections.createCampaign(new NewCampaign("办公用房清理整改 " + UUID.randomUUID().toString().substring(0, 6),
        today, today.plusDays(30), List.of("超标准使用办公用房", "闲置房间未交回", "违规出租出借", "消防通道堵塞")), manager);
  }

  private static byte[] png() throws Exception {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private Finding finding(String description) throws Exception {
    return inspections.addFinding(new NewFinding(campaign.id(), liaison.unitId(), campaign.items().get(3).id(), null,
        "三楼东侧走廊", description, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10)),
        List.of(new Inspections.Upload("走廊.png", png())), manager);
  }

  @Test
  void aFindingThatNeedsARepairBecomesAWorkOrderCarryingItsPhotos() throws Exception {
    Finding finding = finding("消防通道堆放杂物，应急灯损坏");

    WorkOrder order = inspections.raiseWorkOrder(finding.id(), "REPAIR_ELECTRIC", manager);

    assertThat(order.description()).contains("消防通道堆放杂物，应急灯损坏").contains(campaign.title());
    assertThat(workOrderPhotos.photos(order.id(), manager)).singleElement()
        .satisfies(photo -> assertThat(photo.fileName()).isEqualTo("走廊.png"));
    assertThat(inspections.finding(finding.id(), manager).workOrderId()).isEqualTo(order.id());
    assertThat(workOrders.get(order.id(), accounts.loadUserByUsername("repair.manager")).orderNo())
        .isEqualTo(order.orderNo());
    assertThatThrownBy(() -> inspections.raiseWorkOrder(finding.id(), "REPAIR_ELECTRIC", manager))
        .as("one order per finding").isInstanceOf(ConflictException.class);
  }

  @Test
  void theUnitRectifiesAndTheSpaceManagerConfirms() throws Exception {
    Finding finding = finding("闲置房间 305 未交回");
    String link = "/space/inspections/findings/" + finding.id();
    assertThat(inbox.open(liaison.userId(), 500)).anyMatch(todo -> todo.link().equals(link));
    assertThat(inspections.findings(campaign.id(), liaison)).extracting(Finding::id).contains(finding.id());

    assertThatThrownBy(() -> inspections.confirm(finding.id(), finding.version(), manager))
        .as("nothing rectified yet").isInstanceOf(ConflictException.class);
    Finding rectified = inspections.rectify(finding.id(), "已交回钥匙，房间移交机关事务局", finding.version(), liaison);
    assertThat(rectified.status()).isEqualTo(FindingStatus.RECTIFIED);
    assertThat(inbox.open(liaison.userId(), 500)).noneMatch(todo -> todo.link().equals(link));
    assertThatThrownBy(() -> inspections.confirm(finding.id(), rectified.version(), liaison))
        .as("only the space manager confirms").isInstanceOfSatisfying(BusinessRuleException.class,
            e -> assertThat(e.isForbidden()).isTrue());
    assertThatThrownBy(() -> inspections.confirm(finding.id(), finding.version(), manager))
        .as("stale").isInstanceOf(ConflictException.class);

    Finding confirmed = inspections.confirm(finding.id(), rectified.version(), manager);
    assertThat(confirmed.status()).isEqualTo(FindingStatus.CONFIRMED);
    assertThat(confirmed.confirmedBy()).isEqualTo("space.manager");
  }

  @Test
  void aClosedCampaignTakesNoMoreFindingsButItsOpenOnesCanStillBePutRight() throws Exception {
    Finding finding = finding("违规出借会议室");
    inspections.closeCampaign(campaign.id(), manager);

    assertThat(inspections.campaign(campaign.id(), manager).status()).isEqualTo(CampaignStatus.CLOSED);
    assertThatThrownBy(() -> finding("又一个问题")).isInstanceOfSatisfying(ConflictException.class,
        e -> assertThat(e.messageKey()).isEqualTo("space.estate.campaignClosed"));
    assertThat(inspections.rectify(finding.id(), "已收回", finding.version(), liaison).status())
        .isEqualTo(FindingStatus.RECTIFIED);
  }

  @Test
  void aFindingLeftOpenPastItsDeadlineIsFollowedUpOnce() throws Exception {
    Finding late = finding("办公室超面积未调整");
    Finding done = finding("门牌未更新");
    inspections.rectify(done.id(), "已更换门牌", done.version(), liaison);
    try {
      clock.stopAt(late.deadline().plusDays(1).atTime(9, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
      assertThat(overdueWatch.remindAsOfToday()).contains(late.id()).doesNotContain(done.id());
      assertThat(overdueWatch.remindAsOfToday()).as("once").doesNotContain(late.id());
    } finally {
      clock.resume();
    }
    assertThat(inbox.open(manager.userId(), 500)).anySatisfy(todo -> {
      assertThat(todo.link()).isEqualTo("/space/inspections/findings/" + late.id());
      assertThat(todo.title()).startsWith("整改逾期：");
    });
  }

  @Test
  void theChecklistIsAnsweredPerUnitAndAnOtherUnitSeesNothing() throws Exception {
    var items = campaign.items();
    inspections.recordChecklist(campaign.id(), liaison.unitId(), Map.of(items.get(0).id(), "PASS",
        items.get(1).id(), "FAIL"), manager);
    var answers = inspections.recordChecklist(campaign.id(), liaison.unitId(), Map.of(items.get(1).id(), "PASS"),
        manager);
    assertThat(answers)
        .extracting(EstateRecords.CheckAnswer::result).containsExactly(CheckResult.PASS, CheckResult.PASS);
    assertThatThrownBy(() -> inspections.recordChecklist(campaign.id(), liaison.unitId(), Map.of(items.get(2).id(),
        "MAYBE"), manager)).isInstanceOf(BusinessRuleException.class);

    Finding finding = finding("超标准使用");
    assertThatThrownBy(() -> inspections.finding(finding.id(), accounts.loadUserByUsername("staff")))
        .isInstanceOf(NotFoundException.class);
  }
}
