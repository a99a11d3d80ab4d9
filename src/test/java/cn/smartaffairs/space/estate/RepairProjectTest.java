package cn.smartaffairs.space.estate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.BuildingDraft;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.estate.EstateRecords.NewRepairProject;
import cn.smartaffairs.space.estate.EstateRecords.RepairProject;
import cn.smartaffairs.space.estate.EstateRecords.RepairStep;
import cn.smartaffairs.support.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class RepairProjectTest {

  @Autowired RepairProjects projects;
  @Autowired SpaceRegister register;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  private RepairProject majorRepair(CurrentUser manager) {
    long building = register.createBuilding(new BuildingDraft(null, "B-" + UUID.randomUUID().toString().substring(0, 8),
        "维修楼" + UUID.randomUUID().toString().substring(0, 6), "云溪市政务路2号", "云溪市机关事务管理局", null, 1998,
        new BigDecimal("3000.00"), new BigDecimal("2000.00")), manager);
    return projects.open(new NewRepairProject("屋面防水大修", RepairClass.MAJOR, building, null, "屋顶", 350_000_00L,
        "雨季前发现渗漏"), manager);
  }

  @Test
  void aProjectWalksEveryStepInOrderEachTimedAndAudited() {
    CurrentUser manager = accounts.loadUserByUsername("space.manager");
    Instant start = Instant.parse("2026-04-01T01:00:00Z");
    clock.stopAt(start);
    RepairProject project = majorRepair(manager);
    assertThat(project.stage()).isEqualTo(RepairStage.SURVEY);
    assertThat(project.projectNo()).startsWith("WX2026-");

    RepairStage[] path = {RepairStage.APPROVAL, RepairStage.PLANNING, RepairStage.WORKS, RepairStage.ACCEPTANCE,
        RepairStage.COMPLETED};
    for (int i = 0; i < path.length; i++) {
      clock.stopAt(start.plus(Duration.ofDays(7L * (i + 1))));
      project = projects.advance(project.id(), path[i], project.version(), "第" + (i + 1) + "步说明", manager);
      assertThat(project.stage()).isEqualTo(path[i]);
    }
    var steps = projects.steps(project.id(), manager);
    assertThat(steps).extracting(RepairStep::toStage).containsExactly(RepairStage.SURVEY, RepairStage.APPROVAL,
        RepairStage.PLANNING, RepairStage.WORKS, RepairStage.ACCEPTANCE, RepairStage.COMPLETED);
    assertThat(Duration.between(steps.get(1).occurredAt(), steps.get(2).occurredAt())).isEqualTo(Duration.ofDays(7));
    assertThat(steps.get(5).note()).isEqualTo("第5步说明");
    assertThat(
        jdbc.sql("select count(*) from audit_event where entity_type = 'space_repair_project' and entity_id = :id")
            .param("id", String.valueOf(project.id())).query(Long.class).single())
        .isEqualTo(6L);
    final long id = project.id();
    final int version = project.version();
    assertThatThrownBy(() -> projects.advance(id, RepairStage.COMPLETED, version, "再来", manager))
        .as("nothing follows completion").isInstanceOf(ConflictException.class);
  }

  @Test
  void skippingAStepOrMovingAStaleVersionIsAConflictAndChangesNothing() {
    CurrentUser manager = accounts.loadUserByUsername("space.manager");
    RepairProject project = majorRepair(manager);

    assertThatThrownBy(() -> projects.advance(project.id(), RepairStage.PLANNING, project.version(), null, manager))
        .isInstanceOfSatisfying(ConflictException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("space.repair.stepNotAllowed");
          assertThat(e.arguments()).containsExactly("检查鉴定", "计划安排", "项目确立");
        });
    RepairProject approved = projects.advance(project.id(), RepairStage.APPROVAL, project.version(), "立项批复", manager);
    assertThatThrownBy(() -> projects.advance(project.id(), RepairStage.PLANNING, project.version(), null, manager))
        .as("the version seen before approval").isInstanceOfSatisfying(ConflictException.class,
            e -> assertThat(e.messageKey()).isEqualTo("space.repair.stale"));
    assertThatThrownBy(() -> projects.advance(project.id(), RepairStage.SURVEY, approved.version(), null, manager))
        .as("no way back").isInstanceOf(ConflictException.class);
    assertThat(projects.project(project.id(), manager).stage()).isEqualTo(RepairStage.APPROVAL);
    assertThat(projects.steps(project.id(), manager)).hasSize(2);
  }

  @Test
  void documentsAttachToTheCurrentStepAndOnlyPdfOrImagesAreAccepted() {
    CurrentUser manager = accounts.loadUserByUsername("repair.manager");
    RepairProject project = majorRepair(accounts.loadUserByUsername("space.manager"));

    projects.attach(project.id(), "鉴定报告.pdf", "%PDF-1.4 report".getBytes(), manager);
    assertThatThrownBy(() -> projects.attach(project.id(), "run.exe", new byte[] {'M', 'Z', 0, 0}, manager))
        .isInstanceOfSatisfying(BusinessRuleException.class,
            e -> assertThat(e.messageKey()).isEqualTo("space.repair.attachmentType"));
    assertThat(projects.attachments(project.id(), manager)).singleElement()
        .satisfies(a -> assertThat(a.stage()).isEqualTo(RepairStage.SURVEY))
        .satisfies(a -> assertThat(a.contentType()).isEqualTo("application/pdf"));
  }

  @Test
  void aFinalAcceptanceNeedsTheInspectorsOpinion() {
    CurrentUser manager = accounts.loadUserByUsername("space.manager");
    RepairProject project = majorRepair(manager);
    for (RepairStage stage : new RepairStage[] {RepairStage.APPROVAL, RepairStage.PLANNING, RepairStage.WORKS,
        RepairStage.ACCEPTANCE}) {
      project = projects.advance(project.id(), stage, project.version(), null, manager);
    }
    RepairProject atAcceptance = project;
    assertThatThrownBy(() -> projects.advance(atAcceptance.id(), RepairStage.COMPLETED, atAcceptance.version(), " ",
        manager)).isInstanceOfSatisfying(BusinessRuleException.class,
            e -> assertThat(e.messageKey()).isEqualTo("space.repair.acceptanceNoteRequired"));
  }
}
