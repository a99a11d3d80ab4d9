package cn.smartaffairs.space.estate;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.space.Building;
import cn.smartaffairs.space.Room;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.estate.EstateRecords.Attachment;
import cn.smartaffairs.space.estate.EstateRecords.FileContent;
import cn.smartaffairs.space.estate.EstateRecords.NewRepairProject;
import cn.smartaffairs.space.estate.EstateRecords.RepairProject;
import cn.smartaffairs.space.estate.EstateRecords.RepairStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 维修项目 (大修 / 中修 / 日常维修): a project walks 检查鉴定 → 项目确立 → 计划安排 → 实施 → 竣工验收 → 已完成, one step at a
 * time. A move that skips or repeats a step, or is made on a version of the project that has changed since, is a
 * conflict and changes nothing; every step is timed, noted and audited, with its documents attached.
 */
@Service
public class RepairProjects {

  static final int MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
  private static final DateTimeFormatter PROJECT_YEAR = DateTimeFormatter.ofPattern("yyyy");
  private static final String SELECT = """
      select p.*, b.name as building_name, r.number as room_number from space_repair_project p
        join space_building b on b.id = p.building_id left join space_room r on r.id = p.room_id
      """;

  private final JdbcClient jdbc;
  private final SpaceRegister register;
  private final AuditTrail audit;
  private final Clock clock;

  public RepairProjects(JdbcClient jdbc, SpaceRegister register, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.audit = audit;
    this.clock = clock;
  }

  /** Who runs repair projects: the region's admin, space and repair managers (and the platform admin). */
  public static DataScope managerScope(CurrentUser user) {
    return user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.SPACE_MANAGER, Role.REPAIR_MANAGER);
  }

  @Transactional
  public RepairProject open(NewRepairProject project, CurrentUser by) {
    long regionId = by.regionId();
    if (!managerScope(by).permits(regionId, null, null)) {
      throw new ForbiddenException();
    }
    if (project.title() == null || project.title().isBlank() || project.title().strip().length() > 200) {
      throw new BusinessRuleException("space.repair.titleRequired");
    }
    if (project.repairClass() == null) {
      throw new BusinessRuleException("space.repair.classRequired");
    }
    if (project.budgetFen() != null && project.budgetFen() < 0) {
      throw new BusinessRuleException("space.repair.budgetInvalid");
    }
    Building building = register.building(project.buildingId(), by);
    if (building.regionId() != regionId) {
      throw new BusinessRuleException("space.repair.otherRegion");
    }
    if (project.roomId() != null) {
      Room room = register.room(project.roomId(), by);
      if (room.buildingId() != building.id()) {
        throw new BusinessRuleException("space.rental.roomNotInBuilding", room.number(), building.name());
      }
    }
    String location = project.location() == null || project.location().isBlank() ? null : project.location().strip();
    if (location != null && location.length() > 200) {
      throw new BusinessRuleException("space.estate.locationTooLong");
    }
    Instant now = clock.instant();
    String projectNo = "WX" + PROJECT_YEAR.format(now.atZone(PlatformConfiguration.ZONE)) + "-"
        + String.format("%05d", jdbc.sql("select nextval('space_repair_project_no_seq')").query(Long.class).single());
    long id = jdbc.sql("""
        insert into space_repair_project (region_id, project_no, title, repair_class, building_id, room_id, location,
                                          budget_fen, stage, stage_entered_at, created_by, created_at)
        values (:region, :no, :title, :class, :building, :room, :location, :budget, 'SURVEY', :now, :by, :now)
        returning id""")
        .param("region", regionId).param("no", projectNo).param("title", project.title().strip())
        .param("class", project.repairClass().name()).param("building", building.id()).param("room", project.roomId())
        .param("location", location).param("budget", project.budgetFen()).param("now", Timestamp.from(now))
        .param("by", by.username()).query(Long.class).single();
    recordStep(id, null, RepairStage.SURVEY, by.username(), now, note(project.note()));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("projectNo", projectNo);
    after.put("title", project.title().strip());
    after.put("class", project.repairClass().name());
    after.put("buildingId", building.id());
    after.put("budgetFen", project.budgetFen());
    audit.record(AuditEntry.created("space_repair_project", id, regionId, after));
    return project(id, by);
  }

  /**
   * Moves a project to its next step. {@code to} must be exactly the next step and {@code expectedVersion} the
   * version the caller saw; otherwise 409 and nothing changes.
   */
  @Transactional
  public RepairProject advance(long id, RepairStage to, int expectedVersion, String note, CurrentUser by) {
    RepairProject project = project(id, by);
    if (!managerScope(by).permits(project.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    if (to == null || !project.stage().mayMoveTo(to)) {
      throw new ConflictException("space.repair.stepNotAllowed", project.stage().label(),
          to == null ? "" : to.label(), project.stage().next().map(RepairStage::label).orElse("—"));
    }
    if (to == RepairStage.COMPLETED && (note == null || note.isBlank())) {
      throw new BusinessRuleException("space.repair.acceptanceNoteRequired");
    }
    Instant now = clock.instant();
    int changed = jdbc.sql("""
        update space_repair_project set stage = :to, stage_entered_at = :now, version = version + 1
         where id = :id and version = :version and stage = :from""")
        .param("to", to.name()).param("now", Timestamp.from(now)).param("id", id).param("version", expectedVersion)
        .param("from", project.stage().name()).update();
    if (changed == 0) {
      throw new ConflictException("space.repair.stale", project.projectNo());
    }
    recordStep(id, project.stage(), to, by.username(), now, note(note));
    audit.record(AuditEntry.updated("space_repair_project", id, project.regionId(),
        Map.of("stage", project.stage().name(), "version", project.version()),
        Map.of("stage", to.name(), "version", project.version() + 1)));
    return project(id, by);
  }

  public RepairProject project(long id, CurrentUser viewer) {
    return jdbc.sql(SELECT + " where p.id = :id and " + DataScope.sqlCondition("p.region_id", null, null))
        .paramSource(managerScope(viewer).bind(new MapSqlParameterSource("id", id)))
        .query(RepairProjects::map).optional().orElseThrow(() -> new NotFoundException("repair project", id));
  }

  public List<RepairProject> projects(CurrentUser viewer) {
    return jdbc.sql(SELECT + " where " + DataScope.sqlCondition("p.region_id", null, null)
        + " order by p.stage = 'COMPLETED', p.created_at desc, p.id desc")
        .paramSource(managerScope(viewer).bind(new MapSqlParameterSource()))
        .query(RepairProjects::map).list();
  }

  /** The steps entered so far, oldest first. */
  public List<RepairStep> steps(long id, CurrentUser viewer) {
    project(id, viewer);
    return jdbc.sql("select * from space_repair_step where project_id = :id order by occurred_at, id")
        .param("id", id)
        .query((rs, n) -> new RepairStep(rs.getString("from_stage") == null
            ? null
            : RepairStage.valueOf(rs.getString("from_stage")), RepairStage.valueOf(rs.getString("to_stage")),
            rs.getString("actor"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("note")))
        .list();
  }

  /** Attaches a document (PDF or image) to the project's current step. */
  @Transactional
  public long attach(long id, String fileName, byte[] data, CurrentUser by) {
    RepairProject project = project(id, by);
    if (!managerScope(by).permits(project.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    if (data == null || data.length == 0) {
      throw new BusinessRuleException("space.repair.attachmentEmpty");
    }
    if (data.length > MAX_ATTACHMENT_BYTES) {
      throw new BusinessRuleException("space.repair.attachmentTooLarge", MAX_ATTACHMENT_BYTES / 1024 / 1024);
    }
    String type = FileTypes.document(data);
    if (type == null) {
      throw new BusinessRuleException("space.repair.attachmentType");
    }
    String name = FileTypes.fileName(fileName, "attachment");
    long attachmentId = jdbc.sql("""
        insert into space_repair_attachment (project_id, stage, content_type, file_name, size_bytes, data, uploaded_by,
                                             uploaded_at)
        values (:project, :stage, :type, :name, :size, :data, :by, :now) returning id""")
        .param("project", id).param("stage", project.stage().name()).param("type", type).param("name", name)
        .param("size", data.length).param("data", data).param("by", by.username())
        .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    audit.record(AuditEntry.created("space_repair_attachment", attachmentId, project.regionId(), Map.of(
        "projectId", id, "stage", project.stage().name(), "fileName", name, "sizeBytes", data.length)));
    return attachmentId;
  }

  public List<Attachment> attachments(long id, CurrentUser viewer) {
    project(id, viewer);
    return jdbc.sql("""
        select id, stage, content_type, file_name, size_bytes, uploaded_by, uploaded_at from space_repair_attachment
         where project_id = :id order by id""")
        .param("id", id)
        .query((rs, n) -> new Attachment(rs.getLong("id"), RepairStage.valueOf(rs.getString("stage")),
            rs.getString("content_type"), rs.getString("file_name"), rs.getInt("size_bytes"),
            rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }

  public FileContent attachmentContent(long id, long attachmentId, CurrentUser viewer) {
    project(id, viewer);
    return jdbc
        .sql("select content_type, file_name, data from space_repair_attachment where id = :a and project_id = :p")
        .param("a", attachmentId).param("p", id)
        .query((rs, n) -> new FileContent(rs.getString("content_type"), rs.getString("file_name"), rs.getBytes("data")))
        .optional().orElseThrow(() -> new NotFoundException("attachment", attachmentId));
  }

  Instant now() {
    return clock.instant();
  }

  private void recordStep(long id, RepairStage from, RepairStage to, String actor, Instant at, String note) {
    jdbc.sql("""
        insert into space_repair_step (project_id, from_stage, to_stage, actor, occurred_at, note)
        values (:id, :from, :to, :actor, :at, :note)""")
        .param("id", id).param("from", from == null ? null : from.name()).param("to", to.name()).param("actor", actor)
        .param("at", Timestamp.from(at)).param("note", note).update();
  }

  private static String note(String note) {
    if (note == null || note.isBlank()) {
      return null;
    }
    if (note.strip().length() > 1000) {
      throw new BusinessRuleException("space.repair.noteTooLong");
    }
    return note.strip();
  }

  private static RepairProject map(ResultSet rs, int row) throws SQLException {
    return new RepairProject(rs.getLong("id"), rs.getLong("region_id"), rs.getString("project_no"),
        rs.getString("title"), RepairClass.valueOf(rs.getString("repair_class")), rs.getLong("building_id"),
        rs.getString("building_name"), (Long) rs.getObject("room_id"), rs.getString("room_number"),
        rs.getString("location"), (Long) rs.getObject("budget_fen"), RepairStage.valueOf(rs.getString("stage")),
        rs.getTimestamp("stage_entered_at").toInstant(), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
  }
}
