package cn.smartaffairs.space.rental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.rental.RentalRecords.Arrear;
import cn.smartaffairs.space.rental.RentalRecords.Lease;
import cn.smartaffairs.space.rental.RentalRecords.NewLease;
import cn.smartaffairs.space.rental.RentalRecords.NewPayment;
import cn.smartaffairs.space.rental.RentalRecords.Payment;
import cn.smartaffairs.space.rental.RentalRecords.ScheduledInstalment;
import cn.smartaffairs.support.TestClock;
import cn.smartaffairs.workbench.TodoInbox;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class RentCollectionTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired Rentals rentals;

  @Autowired RentalParties parties;
  @Autowired RentalLedger ledger;
  @Autowired ArrearsWatch arrearsWatch;
  @Autowired LeaseTermRules termRules;
  @Autowired SpaceRegister register;
  @Autowired Accounts accounts;
  @Autowired TodoInbox inbox;
  @Autowired TestClock clock;
  @Autowired cn.smartaffairs.printing.PdfPrinter printer;
  RentalFixtures fixtures;
  CurrentUser manager;

  @BeforeEach
  void setUp() {
    fixtures = new RentalFixtures(register, parties, accounts);
    manager = fixtures.manager();
  }

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  private void today(LocalDate day) {
    clock.stopAt(day.atTime(9, 0).atZone(SHANGHAI).toInstant());
  }

  /** A monthly lease from 1 January 2026 at 10,000 yuan a month. */
  private Lease monthlyLease() {
    return rentals.sign(new NewLease(fixtures.lettableRoom().id(), fixtures.tenant().id(), RentalFixtures.fresh("ZL-"),
        LocalDate.of(2026, 1, 1), 12, RentFrequency.MONTHLY, 120_000_00L, null), manager);
  }

  private List<Arrear> arrearsOf(Lease lease) {
    return rentals.arrears(manager, rentals.today()).stream().filter(a -> a.leaseId() == lease.id()).toList();
  }

  @Test
  void instalmentsPastTheirDueDateAndNotFullyPaidAreArrears() {
    today(LocalDate.of(2026, 3, 10));
    Lease lease = monthlyLease();

    List<Arrear> arrears = arrearsOf(lease);
    assertThat(arrears).extracting(Arrear::dueDate)
        .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
    assertThat(arrears.get(0).daysOverdue()).isEqualTo(68);
    assertThat(arrears).allSatisfy(a -> assertThat(a.outstandingFen()).isEqualTo(10_000_00L));

    today(LocalDate.of(2026, 3, 1));
    assertThat(arrearsOf(lease)).as("due today is not yet in arrears").hasSize(2);
  }

  @Test
  void partialPaymentsAddUpAndSettleAnInstalmentButNeverOverpayIt() {
    today(LocalDate.of(2026, 3, 10));
    Lease lease = monthlyLease();
    ScheduledInstalment january = rentals.schedule(lease.id(), manager).get(0);
    long collectedBefore = ledger.totalCollectedBetween(DataScope.region(manager.regionId()),
        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));
    cn.smartaffairs.space.RentIncome dashboardIncome = ledger;
    long yearBefore = dashboardIncome.collectedFen(manager.regionId(), 2026);

    Payment first = rentals.recordPayment(new NewPayment(january.id(), 4_000_00L, LocalDate.of(2026, 3, 2), "TRANSFER",
        "首笔"), manager);
    assertThat(first.receiptNo()).startsWith("SJ20260310-");
    assertThat(arrearsOf(lease).get(0).outstandingFen()).as("still in arrears, by less").isEqualTo(6_000_00L);

    assertThatThrownBy(() -> rentals.recordPayment(new NewPayment(january.id(), 6_000_01L, LocalDate.of(2026, 3, 9),
        "TRANSFER", null), manager))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("space.rental.overpayment");
          assertThat(e.arguments()).containsExactly("6000.01", "6000.00");
        });
    assertThatThrownBy(() -> rentals.recordPayment(new NewPayment(january.id(), 1_00L, LocalDate.of(2026, 3, 11),
        "TRANSFER", null), manager)).as("paid tomorrow").isInstanceOf(BusinessRuleException.class);

    rentals.recordPayment(new NewPayment(january.id(), 6_000_00L, LocalDate.of(2026, 3, 9), "CHEQUE", null), manager);
    assertThat(arrearsOf(lease)).extracting(Arrear::dueDate)
        .containsExactly(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1));
    assertThat(rentals.schedule(lease.id(), manager).get(0).paidFen()).isEqualTo(10_000_00L);
    assertThat(rentals.lease(lease.id(), manager).paidFen()).isEqualTo(10_000_00L);
    assertThat(ledger.totalCollectedBetween(DataScope.region(manager.regionId()), LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 3, 31)) - collectedBefore).isEqualTo(10_000_00L);
    assertThat(dashboardIncome.collectedFen(manager.regionId(), 2026) - yearBefore)
        .as("the space dashboard's rent income for the year").isEqualTo(10_000_00L);
    assertThat(ledger.collectedBetween(DataScope.region(manager.regionId()), LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 3, 31))).extracting(RentalLedger.MonthlyIncome::month)
        .containsExactly(YearMonth.of(2026, 3));
    assertThat(ledger.totalCollectedBetween(DataScope.region(manager.regionId() + 1000), LocalDate.of(2026, 3, 1),
        LocalDate.of(2026, 3, 31))).as("another region collected nothing").isZero();
    RentalLedger.RollEntry entry = ledger.rentRoll(DataScope.region(manager.regionId()), LocalDate.of(2026, 3, 10))
        .stream().filter(e -> e.leaseId() == lease.id()).findFirst().orElseThrow();
    assertThat(entry.dueFen()).isEqualTo(30_000_00L);
    assertThat(entry.arrearsFen()).isEqualTo(20_000_00L);
  }

  @Test
  void theDailyJobRemindsTheSpaceManagersOnceBeforeTheDueDateAndOnceWhenOverdue() {
    today(LocalDate.of(2025, 12, 28));
    Lease lease = monthlyLease();
    List<ScheduledInstalment> schedule = rentals.schedule(lease.id(), manager);
    long january = schedule.get(0).id();
    List<Long> managers = accounts.holdersOf(Role.SPACE_MANAGER, manager.regionId(), null);

    assertThat(ours(arrearsWatch.remindAsOfToday(), schedule)).containsExactly(new ArrearsWatch.Reminder(january,
        ReminderKind.DUE_SOON, managers));
    assertThat(ours(arrearsWatch.remindAsOfToday(), schedule)).as("once only").isEmpty();

    today(LocalDate.of(2026, 1, 2));
    assertThat(ours(arrearsWatch.remindAsOfToday(), schedule)).containsExactly(new ArrearsWatch.Reminder(january,
        ReminderKind.OVERDUE, managers));
    String link = Rentals.reminderLink(lease.id(), january);
    assertThat(inbox.open(manager.userId(), 500)).filteredOn(todo -> todo.link().equals(link)).hasSize(2)
        .anySatisfy(todo -> assertThat(todo.title()).startsWith("欠租：").contains(lease.contractNo()));

    rentals.recordPayment(new NewPayment(january, 10_000_00L, LocalDate.of(2026, 1, 2), "TRANSFER", null), manager);
    assertThat(inbox.open(manager.userId(), 500)).as("paid in full: the to-dos are done")
        .noneMatch(todo -> todo.link().equals(link));
  }

  @Test
  void aRegionWhoseRuleSetsAThreeDayLeadIsRemindedThreeDaysAheadNotSeven() {
    CurrentUser countyAdmin = accounts.loadUserByUsername("county.admin");
    long county = countyAdmin.regionId();
    // A 2025 day no other test gives the county a version on; its term limit stays the national 60 months.
    LocalDate from = LocalDate.of(2025, 1, 1).plusDays(Math.floorMod(System.nanoTime(), 330));
    termRules.add(county, "县级租金提醒规则", 60, 3, from, countyAdmin);
    today(LocalDate.of(2025, 12, 28));
    RentalFixtures countyFixtures = new RentalFixtures(register, parties, accounts, "county.admin");
    Lease countyLease = rentals.sign(new NewLease(countyFixtures.lettableRoom().id(), countyFixtures.tenant().id(),
        RentalFixtures.fresh("ZL-"), LocalDate.of(2026, 1, 1), 12, RentFrequency.MONTHLY, 120_000_00L, null),
        countyAdmin);
    List<ScheduledInstalment> countySchedule = rentals.schedule(countyLease.id(), countyAdmin);
    Lease cityLease = monthlyLease();
    List<ScheduledInstalment> citySchedule = rentals.schedule(cityLease.id(), manager);

    List<ArrearsWatch.Reminder> fourDaysAhead = arrearsWatch.remindAsOfToday();
    assertThat(ours(fourDaysAhead, countySchedule)).as("four days ahead, the county's lead is 3").isEmpty();
    assertThat(ours(fourDaysAhead, citySchedule)).as("the city keeps the national 7 days")
        .extracting(ArrearsWatch.Reminder::kind).containsExactly(ReminderKind.DUE_SOON);

    today(LocalDate.of(2025, 12, 29));
    assertThat(ours(arrearsWatch.remindAsOfToday(), countySchedule)).containsExactly(new ArrearsWatch.Reminder(
        countySchedule.get(0).id(), ReminderKind.DUE_SOON, accounts.holdersOf(Role.SPACE_MANAGER, county, null)));
    assertThat(ours(arrearsWatch.remindAsOfToday(), countySchedule)).as("once only").isEmpty();
  }

  @Test
  void aPaymentPrintsAsAReceiptNamingTheTenantThePeriodAndWhatIsStillOwed() throws Exception {
    today(LocalDate.of(2026, 3, 10));
    Lease lease = monthlyLease();
    ScheduledInstalment february = rentals.schedule(lease.id(), manager).get(1);
    Payment payment = rentals.recordPayment(new NewPayment(february.id(), 2_500_00L, LocalDate.of(2026, 3, 3), "CASH",
        null), manager);

    byte[] pdf = printer.print(rentals.receipt(payment.id(), manager));
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(text).contains("租金收款收据").contains(payment.receiptNo()).contains(lease.tenantName())
          .contains("2026-02-01 至 2026-02-28").contains("2500.00").contains("7500.00").contains("现金");
    }
    assertThatThrownBy(() -> rentals.receipt(payment.id(), accounts.loadUserByUsername("staff")))
        .isInstanceOf(cn.smartaffairs.platform.NotFoundException.class);
  }

  private static List<ArrearsWatch.Reminder> ours(List<ArrearsWatch.Reminder> sent,
      List<ScheduledInstalment> schedule) {
    return sent.stream().filter(r -> schedule.stream().anyMatch(i -> i.id() == r.instalmentId())).toList();
  }
}
