package cn.smartaffairs.space;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.organisation.Unit;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.workbench.TodoInbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rows of agreements, unit allocations, offices and transfers: read with the names of their rooms, units and
 * people (through organisation's read views), and written each with its audit entry. The services decide; this
 * class only stores what they decided.
 */
@Repository
class AllocationRecords {

  private static final String ALLOCATION = """
      select a.*, b.name || ' ' || r.number as room_label, r.kind, u.name as unit_name, g.agreement_no
        from space_unit_allocation a join space_room r on r.id = a.room_id join space_building b on b.id = r.building_id
        join org_unit u on u.id = a.unit_id join space_agreement g on g.id = a.agreement_id""";

  private static final String OFFICE = """
      select o.*, b.name || ' ' || r.number as room_label, s.name as staff_name
        from space_office_assignment o join space_room r on r.id = o.room_id
        join space_building b on b.id = r.building_id join org_person s on s.id = o.staff_id""";

  private static final String TRANSFER = """
      select t.*, b.name || ' ' || r.number as room_label, fu.name as from_name, tu.name as to_name
        from space_room_transfer t join space_room r on r.id = t.room_id join space_building b on b.id = r.building_id
        join org_unit fu on fu.id = t.from_unit_id join org_unit tu on tu.id = t.to_unit_id""";

  private static final String AGREEMENT = """
      select g.*, u.name as unit_name from space_agreement g join org_unit u on u.id = g.unit_id""";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TodoInbox todos;
  private final TransactionTemplate transaction;
  private final Clock clock;

  AllocationRecords(JdbcClient jdbc, AuditTrail audit, TodoInbox todos, PlatformTransactionManager transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.todos = todos;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** Runs a change in one transaction; a race lost to a no-overlap or unique constraint answers 409, never 500. */
  <T> T guarded(Supplier<T> change) {
    try {
      return transaction.execute(status -> change.get());
    } catch (DataAccessException e) {
      if (Violations.isExclusionViolation(e)) {
        throw new ConflictException("space.overlap");
      }
      if (Violations.isUniqueViolation(e)) {
        throw new ConflictException("space.duplicate");
      }
      throw e;
    }
  }

  // ---- agreements ----------------------------------------------------------------------------------------------

  boolean agreementNoTaken(long regionId, String agreementNo) {
    return jdbc.sql("select count(*) from space_agreement where region_id = :r and agreement_no = :no")
        .param("r", regionId).param("no", agreementNo).query(Long.class).single() > 0;
  }

  long insertAgreement(Unit unit, String agreementNo, LocalDate termFrom, LocalDate termTo, LocalDate signedOn,
      CurrentUser by) {
    long id = jdbc
        .sql(
            """
                insert into space_agreement (region_id, unit_id, agreement_no, term_from, term_to, signed_on, created_by, created_at)
                values (:region, :unit, :no, :from, :to, :signed, :by, :at) returning id""")
        .param("region", unit.regionId()).param("unit", unit.id()).param("no", agreementNo).param("from", termFrom)
        .param("to", termTo).param("signed", signedOn).param("by", by.username())
        .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("unitId", unit.id());
    state.put("agreementNo", agreementNo);
    state.put("termFrom", termFrom.toString());
    state.put("termTo", termTo == null ? null : termTo.toString());
    audit.record(AuditEntry.created("space_agreement", id, unit.regionId(), state));
    return id;
  }

  /** The agreement with its rooms, or none. */
  Optional<Agreement> agreement(long id) {
    return agreements(jdbc.sql(AGREEMENT + " where g.id = :id").param("id", id).query(AllocationRecords::agreementRow)
        .list()).stream().findFirst();
  }

  /** The agreements of the units in scope, newest first, with their rooms: two statements whatever their number. */
  List<Agreement> agreementsIn(DataScope scope) {
    return agreements(jdbc.sql(AGREEMENT + " where " + DataScope.sqlCondition("g.region_id", "g.unit_id", null)
        + " order by g.signed_on desc, g.id desc")
        .paramSource(scope.bind(new MapSqlParameterSource())).query(AllocationRecords::agreementRow).list());
  }

  private List<Agreement> agreements(List<Agreement> withoutRooms) {
    if (withoutRooms.isEmpty()) {
      return withoutRooms;
    }
    Map<Long, List<UnitAllocation>> rooms = new LinkedHashMap<>();
    jdbc.sql(ALLOCATION + " where a.agreement_id = any(:ids) order by room_label")
        .param("ids", withoutRooms.stream().map(Agreement::id).toArray(Long[]::new))
        .query(AllocationRecords::allocation).list()
        .forEach(room -> rooms.computeIfAbsent(room.agreementId(), id -> new ArrayList<>()).add(room));
    return withoutRooms.stream().map(g -> {
      List<UnitAllocation> its = rooms.getOrDefault(g.id(), List.of());
      return new Agreement(g.id(), g.regionId(), g.unitId(), g.unitName(), g.agreementNo(), g.termFrom(), g.termTo(),
          g.signedOn(), Agreement.totalArea(its), its);
    }).toList();
  }

  // ---- unit allocations ----------------------------------------------------------------------------------------

  long insertAllocation(Room room, Unit unit, long agreementId, LocalDate from, UnitAllocation.Began began) {
    long id = jdbc.sql("""
        insert into space_unit_allocation (region_id, room_id, unit_id, agreement_id, area, valid_from, began_by)
        values (:region, :room, :unit, :agreement, :area, :from, :began) returning id""")
        .param("region", room.regionId()).param("room", room.id()).param("unit", unit.id())
        .param("agreement", agreementId).param("area", room.useArea()).param("from", from).param("began", began.name())
        .query(Long.class).single();
    audit.record(AuditEntry.created("space_unit_allocation", id, room.regionId(), Map.of("roomId", room.id(),
        "unitId", unit.id(), "agreementId", agreementId, "area", room.useArea(), "validFrom", from.toString(),
        "began", began.name())));
    return id;
  }

  void endAllocation(UnitAllocation allocation, LocalDate on, UnitAllocation.Ended ended, long regionId) {
    jdbc.sql("update space_unit_allocation set valid_to = :to, ended_by = :by where id = :id")
        .param("to", on).param("by", ended.name()).param("id", allocation.id()).update();
    audit.record(AuditEntry.updated("space_unit_allocation", allocation.id(), regionId, Map.of("validTo", ""),
        Map.of("validTo", on.toString(), "endedBy", ended.name())));
  }

  /** The room's allocations that a new open-ended allocation from the day would overlap. */
  List<UnitAllocation> allocationsReaching(long roomId, LocalDate from) {
    return jdbc.sql(ALLOCATION + " where a.room_id = :room and (a.valid_to is null or a.valid_to > :from)")
        .param("room", roomId).param("from", from).query(AllocationRecords::allocation).list();
  }

  Optional<UnitAllocation> currentAllocation(long roomId, LocalDate on) {
    return jdbc
        .sql(ALLOCATION
            + " where a.room_id = :room and a.valid_from <= :on and (a.valid_to is null or a.valid_to > :on)")
        .param("room", roomId).param("on", on).query(AllocationRecords::allocation).optional();
  }

  UnitAllocation allocationForUpdate(long id) {
    jdbc.sql("select id from space_unit_allocation where id = :id for update").param("id", id).query(Long.class)
        .optional().orElseThrow(() -> new NotFoundException("分配记录", id));
    return allocation(id);
  }

  UnitAllocation allocation(long id) {
    return jdbc.sql(ALLOCATION + " where a.id = :id").param("id", id).query(AllocationRecords::allocation).single();
  }

  List<UnitAllocation> allocationsOfRoom(long roomId) {
    return jdbc.sql(ALLOCATION + " where a.room_id = :room order by a.valid_from, a.id").param("room", roomId)
        .query(AllocationRecords::allocation).list();
  }

  // ---- transfers -----------------------------------------------------------------------------------------------

  long insertTransfer(RoomTransfer.Kind kind, Room room, long fromUnit, long toUnit, LocalDate on, String reason,
      CurrentUser by) {
    RoomTransfer.Status status = kind.initialStatus();
    boolean decided = status.decided();
    long id = jdbc.sql(
        """
            insert into space_room_transfer (region_id, kind, room_id, from_unit_id, to_unit_id, effective_on, reason, status,
                                             requested_by, requested_at, decided_by, decided_at)
            values (:region, :kind, :room, :from, :to, :on, :reason, :status, :by, :at, :decidedBy, :decidedAt) returning id""")
        .param("region", room.regionId()).param("kind", kind.name()).param("room", room.id()).param("from", fromUnit)
        .param("to", toUnit).param("on", on).param("reason", reason).param("status", status.name())
        .param("by", by.username()).param("at", Timestamp.from(clock.instant()))
        .param("decidedBy", decided ? by.username() : null)
        .param("decidedAt", decided ? Timestamp.from(clock.instant()) : null)
        .query(Long.class).single();
    audit.record(AuditEntry.created("space_room_transfer", id, room.regionId(), Map.of("kind", kind.name(),
        "roomId", room.id(), "fromUnitId", fromUnit, "toUnitId", toUnit, "effectiveOn", on.toString(),
        "reason", reason, "status", status.name())));
    return id;
  }

  void decideTransfer(RoomTransfer transfer, RoomTransfer.Status decided, long regionId, CurrentUser by) {
    jdbc.sql("update space_room_transfer set status = :status, decided_by = :by, decided_at = :at where id = :id")
        .param("status", decided.name()).param("by", by.username()).param("at", Timestamp.from(clock.instant()))
        .param("id", transfer.id()).update();
    audit.record(AuditEntry.updated("space_room_transfer", transfer.id(), regionId,
        Map.of("status", transfer.status().name()), Map.of("status", decided.name())));
  }

  void linkAgreement(long transferId, long agreementId) {
    jdbc.sql("update space_room_transfer set agreement_id = :a where id = :id").param("a", agreementId)
        .param("id", transferId).update();
  }

  Optional<RoomTransfer> transferForUpdate(long id) {
    return jdbc.sql(TRANSFER + " where t.id = :id for update of t").param("id", id)
        .query(AllocationRecords::transfer).optional();
  }

  RoomTransfer transfer(long id) {
    return jdbc.sql(TRANSFER + " where t.id = :id").param("id", id).query(AllocationRecords::transfer).single();
  }

  List<RoomTransfer> transfersOfRoom(long roomId) {
    return jdbc.sql(TRANSFER + " where t.room_id = :room order by t.requested_at, t.id").param("room", roomId)
        .query(AllocationRecords::transfer).list();
  }

  /** The transfers to units in scope or from units in scope, pending first, newest first, at most 200. */
  List<RoomTransfer> transfersIn(DataScope scope) {
    return jdbc.sql(TRANSFER + " where " + DataScope.sqlCondition("t.region_id", "t.to_unit_id", null)
        + " or t.from_unit_id = any(:scopeUnits) order by t.status = 'PENDING' desc, t.requested_at desc limit 200")
        .paramSource(scope.bind(new MapSqlParameterSource())).query(AllocationRecords::transfer).list();
  }

  // ---- offices -------------------------------------------------------------------------------------------------

  long insertOffice(Room room, long staffId, LocalDate from, boolean second, String post) {
    long id = jdbc.sql("""
        insert into space_office_assignment (region_id, room_id, staff_id, second_office, concurrent_post, valid_from)
        values (:region, :room, :staff, :second, :post, :from) returning id""")
        .param("region", room.regionId()).param("room", room.id()).param("staff", staffId)
        .param("second", second).param("post", second ? post.trim() : null).param("from", from)
        .query(Long.class).single();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("roomId", room.id());
    state.put("staffId", staffId);
    state.put("secondOffice", second);
    state.put("validFrom", from.toString());
    audit.record(AuditEntry.created("space_office_assignment", id, room.regionId(), state));
    return id;
  }

  /** Ends an office on a day and closes the recovery tasks open for it (and their to-dos). */
  void endOffice(long assignmentId, LocalDate on, OfficeAssignment.Ended ended, long regionId) {
    jdbc.sql("update space_office_assignment set valid_to = :to, ended_by = :by where id = :id")
        .param("to", on).param("by", ended.name()).param("id", assignmentId).update();
    closeRecoveryTasks(assignmentId);
    audit.record(AuditEntry.updated("space_office_assignment", assignmentId, regionId, Map.of("validTo", ""),
        Map.of("validTo", on.toString(), "endedBy", ended.name())));
  }

  void endConcurrentPost(long assignmentId, LocalDate endedOn, long regionId) {
    jdbc.sql("update space_office_assignment set concurrent_post_ended_on = :d where id = :id")
        .param("d", endedOn).param("id", assignmentId).update();
    audit.record(AuditEntry.updated("space_office_assignment", assignmentId, regionId,
        Map.of("concurrentPostEndedOn", ""), Map.of("concurrentPostEndedOn", endedOn.toString())));
  }

  boolean recoveryOpen(long assignmentId) {
    return jdbc.sql("select count(*) from space_recovery_task where assignment_id = :id and done_at is null")
        .param("id", assignmentId).query(Long.class).single() > 0;
  }

  private void closeRecoveryTasks(long assignmentId) {
    List<Long> tasks = jdbc.sql("select id from space_recovery_task where assignment_id = :id and done_at is null")
        .param("id", assignmentId).query(Long.class).list();
    for (long task : tasks) {
      jdbc.sql("update space_recovery_task set done_at = :at where id = :id")
          .param("at", Timestamp.from(clock.instant())).param("id", task).update();
      todos.doneForLink(OfficeRecoveryWatch.link(task));
    }
  }

  Optional<OfficeAssignment> office(long id) {
    return jdbc.sql(OFFICE + " where o.id = :id").param("id", id).query(AllocationRecords::office).optional();
  }

  List<OfficeAssignment> openOfficesInRoom(long roomId) {
    return jdbc.sql(OFFICE + " where o.room_id = :room and o.valid_to is null")
        .param("room", roomId).query(AllocationRecords::office).list();
  }

  /** The person's main offices that a new main office from the day would overlap. */
  List<OfficeAssignment> mainOfficesReaching(long staffId, LocalDate from) {
    return jdbc
        .sql(OFFICE + " where o.staff_id = :s and not o.second_office and (o.valid_to is null or o.valid_to > :from)")
        .param("s", staffId).param("from", from).query(AllocationRecords::office).list();
  }

  List<OfficeAssignment> officesOfRoom(long roomId) {
    return jdbc.sql(OFFICE + " where o.room_id = :room order by o.valid_from, o.id").param("room", roomId)
        .query(AllocationRecords::office).list();
  }

  /** The offices held on the day by people in scope, optionally of one unit. */
  List<OfficeAssignment> officesHeld(LocalDate on, Long unitId, DataScope scope) {
    var parameters = scope.bind(new MapSqlParameterSource()).addValue("today", on).addValue("unit", unitId);
    return jdbc.sql(OFFICE + " where o.valid_from <= :today and (o.valid_to is null or o.valid_to > :today) and "
        + DataScope.sqlCondition("s.region_id", "s.unit_id", "s.id")
        + " and (cast(:unit as bigint) is null or s.unit_id = :unit) order by room_label, s.name")
        .paramSource(parameters).query(AllocationRecords::office).list();
  }

  // ---- rows ----------------------------------------------------------------------------------------------------

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  private static <E extends Enum<E>> E orNull(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
  }

  private static Agreement agreementRow(ResultSet rs, int n) throws SQLException {
    return new Agreement(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
        rs.getString("agreement_no"), rs.getDate("term_from").toLocalDate(), date(rs, "term_to"),
        rs.getDate("signed_on").toLocalDate(), null, List.of());
  }

  private static UnitAllocation allocation(ResultSet rs, int n) throws SQLException {
    return new UnitAllocation(rs.getLong("id"), rs.getLong("room_id"), rs.getString("room_label"),
        RoomKind.valueOf(rs.getString("kind")), rs.getLong("unit_id"), rs.getString("unit_name"),
        rs.getLong("agreement_id"), rs.getString("agreement_no"), rs.getBigDecimal("area"),
        rs.getDate("valid_from").toLocalDate(), date(rs, "valid_to"),
        UnitAllocation.Began.valueOf(rs.getString("began_by")),
        orNull(UnitAllocation.Ended.class, rs.getString("ended_by")));
  }

  private static OfficeAssignment office(ResultSet rs, int n) throws SQLException {
    return new OfficeAssignment(rs.getLong("id"), rs.getLong("room_id"), rs.getString("room_label"),
        rs.getLong("staff_id"), rs.getString("staff_name"), rs.getBoolean("second_office"),
        rs.getString("concurrent_post"), date(rs, "concurrent_post_ended_on"), rs.getDate("valid_from").toLocalDate(),
        date(rs, "valid_to"), orNull(OfficeAssignment.Ended.class, rs.getString("ended_by")));
  }

  private static RoomTransfer transfer(ResultSet rs, int n) throws SQLException {
    return new RoomTransfer(rs.getLong("id"), RoomTransfer.Kind.valueOf(rs.getString("kind")), rs.getLong("room_id"),
        rs.getString("room_label"), rs.getLong("from_unit_id"), rs.getString("from_name"), rs.getLong("to_unit_id"),
        rs.getString("to_name"), rs.getDate("effective_on").toLocalDate(), rs.getString("reason"),
        RoomTransfer.Status.valueOf(rs.getString("status")), rs.getString("requested_by"), rs.getString("decided_by"));
  }
}
