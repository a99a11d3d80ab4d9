package cn.smartaffairs.space.rental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.rental.RentalRecords.Lease;
import cn.smartaffairs.space.rental.RentalRecords.Lettable;
import cn.smartaffairs.space.rental.RentalRecords.NewLease;
import cn.smartaffairs.space.rental.RentalRecords.NewTenant;
import cn.smartaffairs.space.rental.RentalRecords.ScheduledInstalment;
import cn.smartaffairs.space.rental.RentalRecords.Tenant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class LeaseTest {

  @Autowired Rentals rentals;

  @Autowired RentalParties parties;
  @Autowired LeaseTermRules termRules;
  @Autowired SpaceRegister register;
  @Autowired Accounts accounts;
  @Autowired MessageSource messages;
  @Autowired JdbcClient jdbc;
  RentalFixtures fixtures;
  CurrentUser manager;

  @BeforeEach
  void setUp() {
    fixtures = new RentalFixtures(register, parties, accounts);
    manager = fixtures.manager();
  }

  private NewLease lease(Lettable space, Tenant tenant, LocalDate start, int months, RentFrequency frequency) {
    return new NewLease(space.id(), tenant.id(), RentalFixtures.fresh("ZL-"), start, months, frequency, 240_000_00L,
        new BigDecimal("5"));
  }

  @Test
  void aSignedLeaseCarriesItsScheduleWhoseInstalmentsAddUpToTheLeaseTotal() {
    Lettable space = fixtures.lettableRoom();
    Lease lease = rentals.sign(lease(space, fixtures.tenant(), LocalDate.of(2026, 1, 1), 24, RentFrequency.QUARTERLY),
        manager);

    List<ScheduledInstalment> schedule = rentals.schedule(lease.id(), manager);
    assertThat(schedule).hasSize(8);
    assertThat(schedule.get(0).amountFen()).isEqualTo(60_000_00L);
    assertThat(schedule.get(4).amountFen()).as("the second year is 5 % dearer").isEqualTo(63_000_00L);
    assertThat(lease.totalFen()).isEqualTo(240_000_00L + 252_000_00L);
    assertThat(lease.endDate()).isEqualTo(LocalDate.of(2027, 12, 31));
    assertThat(lease.termRuleName()).isEqualTo("行政事业性国有资产出租期限（全国默认）");
    assertThat(parties.lettable(space.id(), manager).currentLeaseId()).as("let today").isEqualTo(lease.id());
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'space_lease' and entity_id = :id")
        .param("id", String.valueOf(lease.id())).query(Long.class).single()).isEqualTo(1L);
  }

  @Test
  void aLeaseLongerThanTheRuleAllowsIsRefusedWithAChineseMessageNamingTheRule() {
    Lettable space = fixtures.lettableRoom();
    Tenant tenant = fixtures.tenant();

    assertThatThrownBy(() -> rentals.sign(lease(space, tenant, LocalDate.of(2026, 1, 1), 61, RentFrequency.YEARLY),
        manager))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(
            messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE))
            .isEqualTo("租期 61 个月超过出租期限规则“行政事业性国有资产出租期限（全国默认）”（2021-04-01 起施行）允许的最长 60 个月"));
    assertThat(rentals.leases(manager)).noneMatch(l -> l.lettableId() == space.id());

    assertThat(rentals.sign(lease(space, tenant, LocalDate.of(2026, 1, 1), 60, RentFrequency.YEARLY), manager)
        .termMonths()).as("five years is allowed").isEqualTo(60);
  }

  @Test
  void aRegionMayAllowLongerLeasesFromADateButNeverMoreThanTenYears() {
    CurrentUser regionAdmin = accounts.loadUserByUsername("county.admin");
    long county = regionAdmin.regionId();
    LocalDate from = LocalDate.of(2030, 1, 1).plusDays(Math.floorMod(System.nanoTime(), 3000));

    assertThatThrownBy(() -> termRules.add(county, "县级长期出租规则", 121, 7, from, regionAdmin))
        .isInstanceOfSatisfying(BusinessRuleException.class,
            e -> assertThat(e.messageKey()).isEqualTo("space.rental.termRuleCeiling"));
    assertThatThrownBy(() -> termRules.add(county, "越权", 96, 7, from, manager)).as("another region's rule")
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(e.isForbidden()).isTrue());

    termRules.add(county, "县级长期出租规则", 120, 7, from, regionAdmin);
    assertThat(termRules.inForce(county, from).maxTermMonths()).isEqualTo(120);
    assertThat(termRules.inForce(county, from.minusDays(1)).maxTermMonths()).as("before its date").isEqualTo(60);
    assertThat(termRules.inForce(manager.regionId(), from).maxTermMonths()).as("other regions").isEqualTo(60);
  }

  @Test
  void aRentReminderLeadOutsideOneToSixtyDaysIsRefusedInChineseAndNothingIsStored() {
    CurrentUser regionAdmin = accounts.loadUserByUsername("county.admin");
    long county = regionAdmin.regionId();
    LocalDate from = LocalDate.of(2050, 1, 1).plusDays(Math.floorMod(System.nanoTime(), 3000));

    for (int leadDays : new int[] {0, 61}) {
      assertThatThrownBy(() -> termRules.add(county, "县级租金提醒规则", 60, leadDays, from, regionAdmin))
          .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(
              messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE))
              .isEqualTo("租金到期提前提醒天数须在 1 至 60 天之间"));
    }
    assertThat(termRules.versions(county)).noneMatch(rule -> rule.effectiveFrom().equals(from));
    assertThatThrownBy(() -> jdbc.sql("""
        insert into space_lease_term_rule (region_id, name, max_term_months, reminder_lead_days, effective_from)
        values (:region, '绕过检查', 60, 61, :from)""").param("region", county)
        .param("from", java.sql.Date.valueOf(from)).update()).as("the database refuses it too")
        .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

    termRules.add(county, "县级租金提醒规则", 60, 60, from, regionAdmin);
    assertThat(termRules.inForce(county, from).reminderLeadDays()).isEqualTo(60);
    assertThat(termRules.inForce(manager.regionId(), from).reminderLeadDays()).as("the national default").isEqualTo(7);
  }

  @Test
  void aSpaceCannotHaveTwoActiveLeasesOverTheSameDays() {
    Lettable space = fixtures.lettableRoom();
    rentals.sign(lease(space, fixtures.tenant(), LocalDate.of(2026, 1, 1), 12, RentFrequency.MONTHLY), manager);
    Tenant other = fixtures.tenant();

    assertThatThrownBy(() -> rentals.sign(lease(space, other, LocalDate.of(2026, 12, 1), 12, RentFrequency.MONTHLY),
        manager)).isInstanceOf(ConflictException.class).hasMessage("space.rental.spaceAlreadyLet");
    assertThatThrownBy(() -> jdbc.sql("""
        insert into space_lease (region_id, lettable_id, tenant_id, contract_no, start_date, term_months, end_date,
                                 frequency, annual_rent_fen, term_rule_id, created_by, created_at)
        select region_id, :space, :tenant, :no, '2026-06-01', 12, '2027-05-31', 'MONTHLY', 100, 1, 'test', now()
          from space_lettable where id = :space""")
        .param("space", space.id()).param("tenant", other.id()).param("no", RentalFixtures.fresh("X-")).update())
        .as("the database refuses it whoever writes").hasMessageContaining("space_lease_one_active_per_space");

    assertThat(rentals.sign(lease(space, other, LocalDate.of(2027, 1, 1), 12, RentFrequency.MONTHLY), manager)
        .status()).as("the next year is free").isEqualTo(LeaseStatus.ACTIVE);
  }

  @Test
  void terminatingALeaseDropsTheUnpaidFuturePeriodsAndFreesTheSpace() {
    Lettable space = fixtures.lettableRoom();
    Lease lease = rentals.sign(lease(space, fixtures.tenant(), LocalDate.of(2026, 1, 1), 24, RentFrequency.QUARTERLY),
        manager);

    Lease ended = rentals.terminate(lease.id(), LocalDate.of(2026, 6, 30), lease.version(), manager);
    assertThat(ended.status()).isEqualTo(LeaseStatus.TERMINATED);
    assertThat(ended.endDate()).isEqualTo(LocalDate.of(2026, 6, 30));
    assertThat(rentals.schedule(lease.id(), manager)).extracting(ScheduledInstalment::dueDate)
        .containsExactly(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 4, 1));
    assertThatThrownBy(() -> rentals.terminate(lease.id(), LocalDate.of(2026, 5, 31), lease.version(), manager))
        .isInstanceOf(ConflictException.class);
    assertThat(rentals.sign(lease(space, fixtures.tenant(), LocalDate.of(2026, 7, 1), 12, RentFrequency.MONTHLY),
        manager).status()).as("the space is free again from July").isEqualTo(LeaseStatus.ACTIVE);
  }

  @Test
  void aTenantWithAWrongCreditCodeIsRefused() {
    assertThatThrownBy(() -> parties.addTenant(new NewTenant(RentalFixtures.fresh("错码公司"), "91110108551385082R",
        "王", "13800000000"), manager))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> assertThat(
            messages.getMessage(e.messageKey(), e.arguments(), Locale.SIMPLIFIED_CHINESE))
            .contains("统一社会信用代码").contains("校验位"));
  }

  @Test
  void peopleWithoutAPropertyRoleSeeNoLeasesAndCannotSignOne() {
    Lettable space = fixtures.lettableRoom();
    CurrentUser staff = accounts.loadUserByUsername("staff");

    assertThat(rentals.leases(staff)).isEmpty();
    assertThatThrownBy(() -> rentals.sign(lease(space, fixtures.tenant(), LocalDate.of(2026, 1, 1), 12,
        RentFrequency.MONTHLY), staff)).isInstanceOfSatisfying(BusinessRuleException.class,
            e -> assertThat(e.isForbidden()).isTrue());
  }
}
