package cn.smartaffairs.demo;

import org.springframework.core.annotation.Order;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.BuildingDraft;
import cn.smartaffairs.space.RoomDraft;
import cn.smartaffairs.space.RoomKind;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.estate.EstateRecords.Campaign;
import cn.smartaffairs.space.estate.EstateRecords.NewCampaign;
import cn.smartaffairs.space.estate.EstateRecords.NewFinding;
import cn.smartaffairs.space.estate.EstateRecords.NewRepairProject;
import cn.smartaffairs.space.estate.EstateRecords.RepairProject;
import cn.smartaffairs.space.estate.Inspections;
import cn.smartaffairs.space.estate.RepairClass;
import cn.smartaffairs.space.estate.RepairProjects;
import cn.smartaffairs.space.estate.RepairStage;
import cn.smartaffairs.space.rental.CreditCode;
import cn.smartaffairs.space.rental.RentFrequency;
import cn.smartaffairs.space.rental.RentalRecords.Lease;
import cn.smartaffairs.space.rental.RentalRecords.Lettable;
import cn.smartaffairs.space.rental.RentalRecords.NewLease;
import cn.smartaffairs.space.rental.RentalRecords.NewLettable;
import cn.smartaffairs.space.rental.RentalRecords.NewPayment;
import cn.smartaffairs.space.rental.RentalRecords.NewSafetyCheck;
import cn.smartaffairs.space.rental.RentalRecords.NewTenant;
import cn.smartaffairs.space.rental.RentalRecords.ScheduledInstalment;
import cn.smartaffairs.space.rental.RentalParties;
import cn.smartaffairs.space.rental.Rentals;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * The city's let property, an inspection campaign and a repair project: an annex with two lettable spaces (one let,
 * with payments and an instalment in arrears), a 清理整改 campaign with findings (one turned into a work order) and a
 * roof repair half-way through its steps.
 */
@Component
@Order(30)
class SpaceEstateDemoData implements ModuleDemoData {

  private final Accounts accounts;
  private final SpaceRegister register;
  private final Rentals rentals;
  private final RentalParties parties;
  private final Inspections inspections;
  private final RepairProjects repairProjects;
  private final Clock clock;

  SpaceEstateDemoData(Accounts accounts, SpaceRegister register, Rentals rentals, RentalParties parties,
      Inspections inspections, RepairProjects repairProjects, Clock clock) {
    this.accounts = accounts;
    this.register = register;
    this.rentals = rentals;
    this.parties = parties;
    this.inspections = inspections;
    this.repairProjects = repairProjects;
    this.clock = clock;
  }

  @Override
  public void load() {
    CurrentUser manager = accounts.loadUserByUsername("space.manager");
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    long annex = register.createBuilding(new BuildingDraft(null, "YX-ANNEX", "市政务服务中心附楼", "云溪市府前路18号",
        "云溪市机关事务管理局", "云房权证2012第0188号", 2012, new BigDecimal("1200.00"), new BigDecimal("950.00")), manager);
    long ground = register.addFloor(annex, 1, null, manager);
    long shopRoom = register.addRoom(new RoomDraft(annex, ground, "101", new BigDecimal("60.00"), RoomKind.ANCILLARY,
        "临街，独立出入口"), manager);

    letTheShop(manager, today, annex, shopRoom);
    runTheCampaign(manager, today);
    repairTheRoof(manager, annex);
  }

  private void letTheShop(CurrentUser manager, LocalDate today, long annex, long shopRoom) {
    Lettable shop = parties.addLettable(new NewLettable("附楼临街商铺101", annex, shopRoom, null, "便民零售"), manager);
    Lettable yard = parties.addLettable(new NewLettable("附楼一层东侧场地", annex, null, new BigDecimal("120.00"),
        "停车或仓储"), manager);
    String prefix = "91350102MA2Y0K8L7";
    var tenant = parties.addTenant(new NewTenant("云溪便民超市有限公司", prefix + CreditCode.checkCharacter(prefix),
        "陈经理", "0591-88776655"), manager);
    LocalDate start = today.minusMonths(4).withDayOfMonth(1);
    Lease lease = rentals.sign(new NewLease(shop.id(), tenant.id(), "YXZL-" + start.getYear() + "-001", start, 36,
        RentFrequency.MONTHLY, 96_000_00L, new BigDecimal("3.00")), manager);
    List<ScheduledInstalment> schedule = rentals.schedule(lease.id(), manager);
    for (int i = 0; i < 3; i++) {
      ScheduledInstalment instalment = schedule.get(i);
      rentals.recordPayment(new NewPayment(instalment.id(), instalment.amountFen(), instalment.dueDate().plusDays(3),
          "TRANSFER", null), manager);
    }
    // the fourth month was only partly paid, so the arrears list has something to chase
    ScheduledInstalment fourth = schedule.get(3);
    rentals.recordPayment(new NewPayment(fourth.id(), 3_000_00L, fourth.dueDate().plusDays(5), "TRANSFER", "部分缴纳"),
        manager);
    rentals.recordInvoice(schedule.get(0).id(), "35012600" + start.getYear() + "0001", schedule.get(0).dueDate(),
        manager);
    parties.recordSafetyCheck(new NewSafetyCheck(shop.id(), today.minusDays(20), "王建国", "ISSUES",
        "灭火器过期一具，已要求承租方一周内更换"), manager);
    parties.recordSafetyCheck(new NewSafetyCheck(yard.id(), today.minusDays(20), "王建国", "PASSED", null), manager);
  }

  private void runTheCampaign(CurrentUser manager, LocalDate today) {
    CurrentUser liaison = accounts.loadUserByUsername("liaison");
    Campaign campaign = inspections.createCampaign(new NewCampaign(today.getYear() + "年度办公用房清理整改",
        today.minusDays(10), today.plusDays(50), List.of("超标准配置、使用办公用房", "闲置办公用房未交回",
            "擅自出租、出借办公用房", "未经批准改变用途", "消防与安全隐患")),
        manager);
    var items = campaign.items();
    inspections.recordChecklist(campaign.id(), liaison.unitId(), java.util.Map.of(items.get(0).id(), "PASS",
        items.get(1).id(), "FAIL", items.get(2).id(), "PASS", items.get(3).id(), "PASS", items.get(4).id(), "FAIL"),
        manager);
    inspections.addFinding(new NewFinding(campaign.id(), liaison.unitId(), items.get(1).id(), null, "五楼 512 室",
        "512 室闲置半年以上未交回", today.plusDays(15)), List.of(), manager);
    var hazard = inspections.addFinding(new NewFinding(campaign.id(), liaison.unitId(), items.get(4).id(), null,
        "三楼东侧楼梯间", "楼梯间应急照明灯损坏，疏散指示不亮", today.plusDays(7)),
        List.of(new Inspections.Upload("应急灯.png", photo())), manager);
    inspections.raiseWorkOrder(hazard.id(), "REPAIR_ELECTRIC", manager);
  }

  private void repairTheRoof(CurrentUser manager, long annex) {
    RepairProject roof = repairProjects.open(new NewRepairProject("附楼屋面防水大修", RepairClass.MAJOR, annex, null,
        "屋面及女儿墙", 380_000_00L, "雨季多处渗漏，委托房屋安全鉴定"), manager);
    roof = repairProjects.advance(roof.id(), RepairStage.APPROVAL, roof.version(), "鉴定结论：防水层老化，需整体翻新",
        manager);
    repairProjects.advance(roof.id(), RepairStage.PLANNING, roof.version(), "已列入本年度维修计划，批复文号 云机管〔2026〕12号",
        manager);
  }

  /** A small picture standing in for a photo taken on site. */
  private static byte[] photo() {
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(new Color(0xB71C1C));
    graphics.fillRect(0, 0, 64, 48);
    graphics.setColor(Color.WHITE);
    graphics.fillRect(24, 8, 16, 32);
    graphics.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
