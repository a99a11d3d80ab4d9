package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.TestClock;
import cn.smartaffairs.workbench.TodoInbox;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Offices are recovered within the rule's months after a transfer or retirement, second offices after the post. */
@IntegrationTest
class OfficeRecoveryTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Autowired ApplicationContext context;
  @Autowired OfficeRecoveryWatch watch;
  @Autowired OfficeAssignments offices;
  @Autowired AreaStandards standards;
  @Autowired OrganisationDirectory organisation;
  @Autowired TodoInbox todos;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;
  SpaceFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new SpaceFixtures(context);
  }

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void aTransferredPersonsOfficeIsRecoveredWithinAMonthAndFlaggedWhenOverdue() {
    long unit = fixtures.unit(GovernmentLevel.CITY, 20);
    long person = fixtures.person(unit, "LEVEL_OFFICER_1");
    fixtures.officeFor(unit, "12", LocalDate.of(2026, 1, 5), person);
    LocalDate left = LocalDate.of(2026, 3, 31);
    leave(person, "TRANSFERRED", left);

    stopAt(left.plusDays(1));
    watch.sweep();
    OfficeRecoveryWatch.RecoveryTask task = taskOf(person);
    assertThat(task.reason()).isEqualTo(RecoveryReason.LEFT);
    assertThat(task.dueOn()).as("one month after 31 March").isEqualTo(LocalDate.of(2026, 4, 30));
    assertThat(task.overdue()).isFalse();
    CurrentUser manager = fixtures.manager();
    assertThat(todos.open(manager.userId(), 500))
        .anyMatch(todo -> todo.link().equals(OfficeRecoveryWatch.link(task.id()))
            && todo.title().contains("调出") && todo.title().contains("2026-04-30"));
    watch.sweep();
    assertThat(tasksOf(person)).as("raised once").hasSize(1);

    stopAt(LocalDate.of(2026, 4, 30));
    watch.sweep();
    assertThat(taskOf(person).overdue()).as("the deadline day itself is still in time").isFalse();

    stopAt(LocalDate.of(2026, 5, 1));
    watch.sweep();
    assertThat(taskOf(person).overdue()).isTrue();
    assertThat(todos.open(manager.userId(), 500)).anyMatch(todo -> todo.title().startsWith("已逾期")
        && todo.link().equals(OfficeRecoveryWatch.link(task.id())));

    long office = offices.currentOffices(unit, manager).stream().filter(o -> o.staffId() == person)
        .findFirst().orElseThrow().id();
    assertThat(offices.endOffice(office, LocalDate.of(2026, 5, 1), manager).endedBy())
        .isEqualTo(OfficeAssignment.Ended.RECOVERED);
    assertThat(tasksOf(person).get(0).done()).isTrue();
    assertThat(todos.open(manager.userId(), 500))
        .noneMatch(todo -> todo.link().equals(OfficeRecoveryWatch.link(task.id())));
  }

  @Test
  void aSecondOfficeIsVacatedWithinTwoMonthsOfTheConcurrentPostsEnd() {
    long unit = fixtures.unit(GovernmentLevel.CITY, 20);
    long leader = fixtures.person(unit, "DIVISION_HEAD");
    LocalDate from = LocalDate.of(2026, 1, 5);
    fixtures.officeFor(unit, "24", from, leader);
    long[] building = fixtures.buildingWithFloor();
    long second = fixtures.room(building, "12", RoomKind.OFFICE);
    fixtures.allocate(unit, from, second);
    var assignment = offices.assignOffice(new OfficeAssignments.OfficeRequest(second, List.of(leader), from, true,
        "专项工作领导小组办公室主任"), fixtures.manager()).get(0);

    LocalDate postEnded = LocalDate.of(2026, 2, 10);
    offices.endConcurrentPost(assignment.id(), postEnded, fixtures.manager());
    stopAt(postEnded.plusDays(3));
    watch.sweep();

    OfficeRecoveryWatch.RecoveryTask task = taskOf(leader);
    assertThat(task.reason()).isEqualTo(RecoveryReason.CONCURRENT_POST_ENDED);
    assertThat(task.dueOn()).isEqualTo(LocalDate.of(2026, 4, 10));
    assertThat(offices.currentOffices(unit, fixtures.manager()).stream().filter(o -> o.staffId() == leader))
        .as("the main office is untouched").hasSize(2);
  }

  @Test
  void theDeadlineIsARuleValueOfTheRegion() {
    long county = organisation.regions().stream().filter(r -> r.code().equals("BS")).findFirst().orElseThrow().id();
    standards.setDeadline(county, LocalDate.of(2026, 1, 1), AreaStandards.Deadline.RECOVERY_AFTER_LEAVING, 3,
        "白沙县办公用房管理细则", accounts.loadUserByUsername("admin"));
    long unit = fixtures.unit(county, GovernmentLevel.COUNTY, 10);
    long person = fixtures.person(unit, "LEVEL_OFFICER_1");
    var admin = accounts.loadUserByUsername("admin");
    long bsBuilding = context.getBean(SpaceRegister.class).createBuilding(new BuildingDraft(county,
        SpaceFixtures.fresh("BS-"), SpaceFixtures.fresh("白沙楼"), "白沙县城关路1号", "白沙县机关事务服务中心", null, 2012,
        new java.math.BigDecimal("900"), new java.math.BigDecimal("700")), admin);
    long floor = context.getBean(SpaceRegister.class).addFloor(bsBuilding, 2, null, admin);
    long bsRoom = fixtures.room(new long[] {bsBuilding, floor}, "10", RoomKind.OFFICE, admin);
    fixtures.allocate(unit, LocalDate.of(2026, 1, 5), admin, bsRoom);
    offices.assignOffice(new OfficeAssignments.OfficeRequest(bsRoom, List.of(person), LocalDate.of(2026, 1, 5),
        false, null), admin);
    leave(person, "RETIRED", LocalDate.of(2026, 2, 28));

    stopAt(LocalDate.of(2026, 3, 2));
    watch.sweep();

    assertThat(taskOf(person).dueOn()).as("three months in 白沙县").isEqualTo(LocalDate.of(2026, 5, 28));
  }

  private void leave(long staffId, String status, LocalDate on) {
    jdbc.sql("update staff set status = :status, status_changed_on = :on where id = :id")
        .param("status", status).param("on", on).param("id", staffId).update();
  }

  private void stopAt(LocalDate day) {
    clock.stopAt(day.atTime(9, 0).atZone(BEIJING).toInstant());
  }

  private List<OfficeRecoveryWatch.RecoveryTask> tasksOf(long staffId) {
    return watch.tasks(false, accounts.loadUserByUsername("admin")).stream().filter(t -> t.staffId() == staffId)
        .toList();
  }

  private OfficeRecoveryWatch.RecoveryTask taskOf(long staffId) {
    List<OfficeRecoveryWatch.RecoveryTask> tasks = tasksOf(staffId);
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }
}
