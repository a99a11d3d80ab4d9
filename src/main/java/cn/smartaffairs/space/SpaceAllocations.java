package cn.smartaffairs.space;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffMember;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.organisation.Unit;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.printing.PdfPrinter;
import cn.smartaffairs.printing.PrintableForm;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.workbench.TodoInbox;
import java.math.BigDecimal;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 分配使用: rooms allocated to units under a 使用协议, offices assigned to staff members (one or several per room),
 * 调剂 by the administration and 移交/接收 between units. Every change ends one validity period and may begin
 * another, so the history of a room is its rows; the database refuses a room held by two units at once.
 */
@Service
public class SpaceAllocations {

  /** A 使用协议 with the rooms it covers. */
  public record Agreement(long id, long regionId, long unitId, String unitName, String agreementNo, LocalDate termFrom,
                          LocalDate termTo, LocalDate signedOn, BigDecimal area, List<UnitAllocation> rooms) {}

  /** One room held by one unit for a period. */
  public record UnitAllocation(long id, long roomId, String roomLabel, String kind, long unitId, String unitName,
                               long agreementId, String agreementNo, BigDecimal area, LocalDate validFrom,
                               LocalDate validTo, String beganBy, String endedBy) {}

  /** One person's office for a period; a second office (兼职) carries the concurrent post. */
  public record OfficeAssignment(long id, long roomId, String roomLabel, long staffId, String staffName,
                                 boolean secondOffice, String concurrentPost, LocalDate concurrentPostEndedOn,
                                 LocalDate validFrom, LocalDate validTo, String endedBy) {}

  /** A 调剂 or a 移交 awaiting or after its 接收. */
  public record RoomTransfer(long id, String kind, long roomId, String roomLabel, long fromUnitId, String fromUnitName,
                             long toUnitId, String toUnitName, LocalDate effectiveOn, String reason, String status,
                             String requestedBy, String decidedBy) {}

  /** Everything that happened to a room. */
  public record RoomHistory(Room room, List<UnitAllocation> allocations, List<OfficeAssignment> offices,
                            List<RoomTransfer> transfers) {}

  public record AllocationRequest(Long unitId, String agreementNo, LocalDate termFrom, LocalDate termTo,
                                  List<Long> roomIds) {}

  public record OfficeRequest(Long roomId, List<Long> staffIds, LocalDate validFrom, boolean secondOffice,
                              String concurrentPost) {}

  private static final String ALLOCATION = """
      select a.*, b.name || ' ' || r.number as room_label, r.kind, u.name as unit_name, g.agreement_no
        from space_unit_allocation a join space_room r on r.id = a.room_id join space_building b on b.id = r.building_id
        join unit u on u.id = a.unit_id join space_agreement g on g.id = a.agreement_id""";

  private static final String OFFICE = """
      select o.*, b.name || ' ' || r.number as room_label, s.name as staff_name
        from space_office_assignment o join space_room r on r.id = o.room_id
        join space_building b on b.id = r.building_id join staff s on s.id = o.staff_id""";

  private static final String TRANSFER = """
      select t.*, b.name || ' ' || r.number as room_label, fu.name as from_name, tu.name as to_name
        from space_room_transfer t join space_room r on r.id = t.room_id join space_building b on b.id = r.building_id
        join unit fu on fu.id = t.from_unit_id join unit tu on tu.id = t.to_unit_id""";

  private final JdbcClient jdbc;
  private final SpaceRegister register;
  private final OrganisationDirectory organisation;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final TodoInbox todos;
  private final PdfPrinter printer;
  private final TransactionTemplate transaction;
  private final Clock clock;

  public SpaceAllocations(JdbcClient jdbc, SpaceRegister register, OrganisationDirectory organisation,
                          StaffDirectory staff, AuditTrail audit, TodoInbox todos, PdfPrinter printer,
                          PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.organisation = organisation;
    this.staff = staff;
    this.audit = audit;
    this.todos = todos;
    this.printer = printer;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  // ---- units ---------------------------------------------------------------------------------------------------

  /** Allocates rooms to a unit under a new agreement, from the start of its term. Space managers of the region. */
  public Agreement allocate(AllocationRequest request, CurrentUser by) {
    if (request.unitId() == null) {
      throw new BusinessRuleException("space.unitRequired");
    }
    Unit unit = organisation.unitById(request.unitId()).orElseThrow(() -> new NotFoundException("单位", request.unitId()));
    SpaceRegister.requireEditable(unit.regionId(), by);
    if (SpaceRegister.blank(request.agreementNo()) || request.agreementNo().trim().length() > 40) {
      throw new BusinessRuleException("space.agreementNoRequired");
    }
    if (request.termFrom() == null) {
      throw new BusinessRuleException("space.termFromRequired");
    }
    if (request.termTo() != null && !request.termTo().isAfter(request.termFrom())) {
      throw new BusinessRuleException("space.termInvalid");
    }
    if (request.roomIds() == null || request.roomIds().isEmpty()) {
      throw new BusinessRuleException("space.roomsRequired");
    }
    long id = guarded(() -> {
      long agreementId = insertAgreement(unit, request.agreementNo().trim(), request.termFrom(), request.termTo(), by);
      for (Long roomId : request.roomIds().stream().distinct().toList()) {
        Room room = roomOfRegion(roomId, unit.regionId());
        requireFree(room, request.termFrom());
        insertAllocation(room, unit, agreementId, request.termFrom(), "ALLOCATED");
      }
      return agreementId;
    });
    return agreement(id, by);
  }

  /** 退还: the unit gives the room back on a day; offices in it end the same day. */
  public UnitAllocation returnRoom(long allocationId, LocalDate on, CurrentUser by) {
    return guarded(() -> {
      UnitAllocation allocation = allocationForUpdate(allocationId);
      Room room = register.roomUnscoped(allocation.roomId());
      requireInScope(by.dataScope().permits(room.regionId(), allocation.unitId(), null), "分配记录", allocationId);
      SpaceRegister.requireEditable(room.regionId(), by);
      endAllocation(allocation, on, "RETURNED", room.regionId());
      return allocationRow(allocationId);
    });
  }

  /** 调剂: the administration moves a room from the unit holding it to another unit from a day, under a new agreement. */
  public RoomTransfer reallocate(long roomId, long toUnitId, LocalDate on, String reason, String agreementNo,
                                 CurrentUser by) {
    Room room = register.room(roomId, by);
    SpaceRegister.requireEditable(room.regionId(), by);
    Unit to = organisation.unitById(toUnitId).filter(u -> u.regionId() == room.regionId())
        .orElseThrow(() -> new NotFoundException("单位", toUnitId));
    checkMove(on, reason, agreementNo);
    return guarded(() -> {
      UnitAllocation current = currentAllocation(roomId, on)
          .orElseThrow(() -> new BusinessRuleException("space.roomNotAllocated", room.buildingName() + " " + room.number()));
      if (current.unitId() == toUnitId) {
        throw new BusinessRuleException("space.sameUnit");
      }
      long transferId = insertTransfer("REALLOCATION", room, current.unitId(), toUnitId, on, reason.trim(), "DONE", by);
      move(current, room, to, on, agreementNo.trim(), "REALLOCATED", "REALLOCATED", transferId, by);
      return transfer(transferId);
    });
  }

  /** 移交: the unit holding a room (or the administration) offers it to another unit; it moves when received. */
  public RoomTransfer handOver(long roomId, long toUnitId, LocalDate on, String reason, CurrentUser by) {
    Room room = register.room(roomId, by);
    Unit to = organisation.unitById(toUnitId).filter(u -> u.regionId() == room.regionId())
        .orElseThrow(() -> new NotFoundException("单位", toUnitId));
    if (on == null || SpaceRegister.blank(reason)) {
      throw new BusinessRuleException("space.moveFieldsRequired");
    }
    return guarded(() -> {
      UnitAllocation current = currentAllocation(roomId, on)
          .orElseThrow(() -> new BusinessRuleException("space.roomNotAllocated", room.buildingName() + " " + room.number()));
      requireUnitOrManager(current.unitId(), room.regionId(), by);
      if (current.unitId() == to.id()) {
        throw new BusinessRuleException("space.sameUnit");
      }
      long transferId = insertTransfer("HANDOVER", room, current.unitId(), to.id(), on, reason.trim(), "PENDING", by);
      return transfer(transferId);
    });
  }

  /** 接收: the receiving unit (or the administration) accepts a handover under a new agreement. */
  public RoomTransfer receive(long transferId, String agreementNo, CurrentUser by) {
    return guarded(() -> {
      RoomTransfer pending = pendingTransfer(transferId, by);
      Room room = register.roomUnscoped(pending.roomId());
      requireUnitOrManager(pending.toUnitId(), room.regionId(), by);
      checkMove(pending.effectiveOn(), pending.reason(), agreementNo);
      UnitAllocation current = currentAllocation(room.id(), pending.effectiveOn())
          .filter(a -> a.unitId() == pending.fromUnitId())
          .orElseThrow(() -> new ConflictException("error.concurrentChange"));
      Unit to = organisation.unitById(pending.toUnitId()).orElseThrow();
      move(current, room, to, pending.effectiveOn(), agreementNo.trim(), "HANDED_OVER", "RECEIVED", transferId, by);
      jdbc.sql("update space_room_transfer set status = 'DONE', decided_by = :by, decided_at = :at where id = :id")
          .param("by", by.username()).param("at", Timestamp.from(clock.instant())).param("id", transferId).update();
      audit.record(AuditEntry.updated("space_room_transfer", transferId, room.regionId(), Map.of("status", "PENDING"),
          Map.of("status", "DONE")));
      return transfer(transferId);
    });
  }

  /** The receiving side declines a handover; the room stays where it is. */
  public RoomTransfer refuse(long transferId, CurrentUser by) {
    return guarded(() -> {
      RoomTransfer pending = pendingTransfer(transferId, by);
      Room room = register.roomUnscoped(pending.roomId());
      requireUnitOrManager(pending.toUnitId(), room.regionId(), by);
      jdbc.sql("update space_room_transfer set status = 'REFUSED', decided_by = :by, decided_at = :at where id = :id")
          .param("by", by.username()).param("at", Timestamp.from(clock.instant())).param("id", transferId).update();
      audit.record(AuditEntry.updated("space_room_transfer", transferId, room.regionId(), Map.of("status", "PENDING"),
          Map.of("status", "REFUSED")));
      return transfer(transferId);
    });
  }

  // ---- offices -------------------------------------------------------------------------------------------------

  /**
   * Gives one or several staff members of the unit holding an office room that room from a day. A person's
   * previous (main) office ends that day, so nobody holds two main offices at once.
   */
  public List<OfficeAssignment> assignOffice(OfficeRequest request, CurrentUser by) {
    if (request.roomId() == null) {
      throw new NotFoundException("房间", null);
    }
    Room room = register.room(request.roomId(), by);
    LocalDate from = request.validFrom() == null ? today() : request.validFrom();
    if (room.kind() != RoomKind.OFFICE) {
      throw new BusinessRuleException("space.notAnOffice", room.buildingName() + " " + room.number());
    }
    if (request.staffIds() == null || request.staffIds().isEmpty()
        || request.staffIds().stream().anyMatch(java.util.Objects::isNull)) {
      throw new BusinessRuleException("space.staffRequired");
    }
    if (request.secondOffice() && SpaceRegister.blank(request.concurrentPost())) {
      throw new BusinessRuleException("space.concurrentPostRequired");
    }
    return guarded(() -> {
      UnitAllocation holder = currentAllocation(room.id(), from)
          .orElseThrow(() -> new BusinessRuleException("space.roomNotAllocated", room.buildingName() + " " + room.number()));
      requireUnitOrManager(holder.unitId(), room.regionId(), by);
      List<Long> ids = new ArrayList<>();
      for (Long staffId : request.staffIds().stream().distinct().toList()) {
        StaffMember member = staff.get(staffId, DataScope.everything());
        if (member.unitId() != holder.unitId()) {
          throw new BusinessRuleException("space.staffNotOfUnit", member.name(), holder.unitName());
        }
        if (member.status() != StaffStatus.ACTIVE) {
          throw new BusinessRuleException("space.staffNotActive", member.name());
        }
        if (!request.secondOffice()) {
          endPreviousOffice(member, room.id(), from);
        }
        ids.add(insertOffice(room, member, from, request.secondOffice(), request.concurrentPost()));
      }
      return ids.stream().map(this::office).toList();
    });
  }

  /** Ends an office on a day: vacated, or recovered when a recovery task was open for it (which it closes). */
  public OfficeAssignment endOffice(long assignmentId, LocalDate on, CurrentUser by) {
    return guarded(() -> {
      OfficeAssignment office = office(assignmentId);
      Room room = register.roomUnscoped(office.roomId());
      UnitAllocation holder = currentAllocation(room.id(), office.validFrom()).orElse(null);
      requireInScope(by.dataScope().permits(room.regionId(), holder == null ? null : holder.unitId(), office.staffId()),
          "办公室分配", assignmentId);
      requireUnitOrManager(holder == null ? -1 : holder.unitId(), room.regionId(), by);
      LocalDate end = on == null ? today() : on;
      if (office.validTo() != null) {
        throw new ConflictException("space.officeAlreadyEnded", office.staffName());
      }
      if (!end.isAfter(office.validFrom())) {
        throw new BusinessRuleException("space.endBeforeStart");
      }
      boolean recovering = jdbc.sql("""
          select count(*) from space_recovery_task where assignment_id = :id and done_at is null""")
          .param("id", assignmentId).query(Long.class).single() > 0;
      String endedBy = recovering ? "RECOVERED" : "VACATED";
      jdbc.sql("update space_office_assignment set valid_to = :to, ended_by = :by where id = :id")
          .param("to", end).param("by", endedBy).param("id", assignmentId).update();
      closeRecoveryTasks(assignmentId);
      audit.record(AuditEntry.updated("space_office_assignment", assignmentId, room.regionId(), Map.of("validTo", ""),
          Map.of("validTo", end.toString(), "endedBy", endedBy)));
      return office(assignmentId);
    });
  }

  /** Records the day a leader left the concurrent post for which they hold a second office; the deadline runs from it. */
  public OfficeAssignment endConcurrentPost(long assignmentId, LocalDate endedOn, CurrentUser by) {
    return guarded(() -> {
      OfficeAssignment office = office(assignmentId);
      Room room = register.roomUnscoped(office.roomId());
      requireInScope(by.dataScope().permits(room.regionId(), null, office.staffId()), "办公室分配", assignmentId);
      SpaceRegister.requireEditable(room.regionId(), by);
      if (!office.secondOffice()) {
        throw new BusinessRuleException("space.notASecondOffice");
      }
      if (endedOn == null) {
        throw new BusinessRuleException("space.moveFieldsRequired");
      }
      jdbc.sql("update space_office_assignment set concurrent_post_ended_on = :d where id = :id")
          .param("d", endedOn).param("id", assignmentId).update();
      audit.record(AuditEntry.updated("space_office_assignment", assignmentId, room.regionId(),
          Map.of("concurrentPostEndedOn", ""), Map.of("concurrentPostEndedOn", endedOn.toString())));
      return office(assignmentId);
    });
  }

  void closeRecoveryTasks(long assignmentId) {
    List<Long> tasks = jdbc.sql("select id from space_recovery_task where assignment_id = :id and done_at is null")
        .param("id", assignmentId).query(Long.class).list();
    for (long task : tasks) {
      jdbc.sql("update space_recovery_task set done_at = :at where id = :id")
          .param("at", Timestamp.from(clock.instant())).param("id", task).update();
      todos.doneForLink(OfficeRecoveryWatch.link(task));
    }
  }

  // ---- reading -------------------------------------------------------------------------------------------------

  public RoomHistory history(long roomId, CurrentUser viewer) {
    Room room = register.room(roomId, viewer);
    return new RoomHistory(room,
        jdbc.sql(ALLOCATION + " where a.room_id = :room order by a.valid_from, a.id").param("room", roomId)
            .query(SpaceAllocations::allocation).list(),
        jdbc.sql(OFFICE + " where o.room_id = :room order by o.valid_from, o.id").param("room", roomId)
            .query(SpaceAllocations::office).list(),
        jdbc.sql(TRANSFER + " where t.room_id = :room order by t.requested_at, t.id").param("room", roomId)
            .query(SpaceAllocations::transfer).list());
  }

  /** The agreements of the units in the caller's scope, newest first. */
  public List<Agreement> agreements(CurrentUser viewer) {
    var parameters = viewer.dataScope().bind(new MapSqlParameterSource());
    List<Long> ids = jdbc.sql("select g.id from space_agreement g where "
            + DataScope.sqlCondition("g.region_id", "g.unit_id", null) + " order by g.signed_on desc, g.id desc")
        .paramSource(parameters).query(Long.class).list();
    return ids.stream().map(this::agreementRow).toList();
  }

  public Agreement agreement(long id, CurrentUser viewer) {
    Agreement agreement = agreementRow(id);
    if (agreement == null || !viewer.dataScope().permits(agreement.regionId(), agreement.unitId(), null)) {
      throw new NotFoundException("使用协议", id);
    }
    return agreement;
  }

  /** 分配使用凭证 as an A4 PDF: the unit, the agreement, its rooms and the rule on what it may be used for. */
  public byte[] certificate(long agreementId, CurrentUser viewer) {
    Agreement agreement = agreement(agreementId, viewer);
    String region = organisation.region(agreement.regionId()).map(r -> r.name()).orElse("");
    PrintableForm form = PrintableForm.titled("办公用房分配使用凭证")
        .number(agreement.agreementNo())
        .qrCode("/space/agreements/" + agreement.id())
        .field("使用单位", agreement.unitName())
        .field("所属区域", region)
        .field("使用协议编号", agreement.agreementNo())
        .field("签订日期", agreement.signedOn())
        .field("使用期限", agreement.termFrom() + " 至 " + (agreement.termTo() == null ? "长期" : agreement.termTo()))
        .field("分配使用面积", agreement.area().toPlainString() + " m²")
        .table("分配房间", List.of("楼宇 房间", "类型", "使用面积(m²)", "起始日期", "状态"),
            agreement.rooms().stream().map(r -> List.of(r.roomLabel(), RoomKind.valueOf(r.kind()).chineseName(),
                r.area().toPlainString(), r.validFrom().toString(), r.validTo() == null ? "使用中" : "已于" + r.validTo() + "结束"))
                .toList())
        .note("依据《党政机关办公用房管理办法》第十八条：本凭证可用于办理法人登记、集体户口登记、大中修审批等事项，"
            + "不得用于出租、出借或经营。")
        .signature("机关事务管理部门（盖章）")
        .signature("使用单位（盖章）");
    return printer.print(form);
  }

  /** The offices that people of the caller's scope hold today. */
  public List<OfficeAssignment> currentOffices(Long unitId, CurrentUser viewer) {
    var parameters = viewer.dataScope().bind(new MapSqlParameterSource()).addValue("today", today())
        .addValue("unit", unitId);
    return jdbc.sql(OFFICE + " where o.valid_from <= :today and (o.valid_to is null or o.valid_to > :today) and "
            + DataScope.sqlCondition("s.region_id", "s.unit_id", "s.id")
            + " and (cast(:unit as bigint) is null or s.unit_id = :unit) order by room_label, s.name")
        .paramSource(parameters).query(SpaceAllocations::office).list();
  }

  /** Handovers waiting to be received by units of the caller's scope (or anywhere in a manager's region). */
  public List<RoomTransfer> transfers(CurrentUser viewer) {
    var parameters = viewer.dataScope().bind(new MapSqlParameterSource());
    return jdbc.sql(TRANSFER + " where " + DataScope.sqlCondition("t.region_id", "t.to_unit_id", null)
            + " or t.from_unit_id = any(:scopeUnits) order by t.status = 'PENDING' desc, t.requested_at desc limit 200")
        .paramSource(parameters).query(SpaceAllocations::transfer).list();
  }

  public OfficeAssignment office(long id) {
    return jdbc.sql(OFFICE + " where o.id = :id").param("id", id).query(SpaceAllocations::office).optional()
        .orElseThrow(() -> new NotFoundException("办公室分配", id));
  }

  // ---- internals -----------------------------------------------------------------------------------------------

  /** Runs a change in one transaction; a race lost to the no-overlap constraint answers 409, never 500. */
  private <T> T guarded(Supplier<T> change) {
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

  /** A record outside the caller's data scope answers 404, as if it did not exist, so ids cannot be probed. */
  private static void requireInScope(boolean inScope, String what, long id) {
    if (!inScope) {
      throw new NotFoundException(what, id);
    }
  }

  private void requireUnitOrManager(long unitId, long regionId, CurrentUser by) {
    boolean manager = SpaceRegister.editScope(by).permits(regionId, null, null);
    boolean unitSide = by.dataScopeAs(Role.UNIT_HEAD, Role.UNIT_LIAISON).permits(null, unitId, null);
    if (!manager && !unitSide) {
      throw new ForbiddenException();
    }
  }

  private static void checkMove(LocalDate on, String reason, String agreementNo) {
    if (on == null || SpaceRegister.blank(reason) || reason.trim().length() > 200) {
      throw new BusinessRuleException("space.moveFieldsRequired");
    }
    if (SpaceRegister.blank(agreementNo) || agreementNo.trim().length() > 40) {
      throw new BusinessRuleException("space.agreementNoRequired");
    }
  }

  private Room roomOfRegion(long roomId, long regionId) {
    Room room = register.roomUnscoped(roomId);
    if (room.regionId() != regionId) {
      throw new NotFoundException("房间", roomId);
    }
    return room;
  }

  private void requireFree(Room room, LocalDate from) {
    jdbc.sql(ALLOCATION + " where a.room_id = :room and (a.valid_to is null or a.valid_to > :from) limit 1")
        .param("room", room.id()).param("from", from).query(SpaceAllocations::allocation).optional()
        .ifPresent(taken -> {
          throw new ConflictException("space.roomAlreadyAllocated", taken.roomLabel(), taken.unitName(),
              taken.validFrom());
        });
  }

  private long insertAgreement(Unit unit, String agreementNo, LocalDate termFrom, LocalDate termTo, CurrentUser by) {
    if (jdbc.sql("select count(*) from space_agreement where region_id = :r and agreement_no = :no")
        .param("r", unit.regionId()).param("no", agreementNo).query(Long.class).single() > 0) {
      throw new ConflictException("space.agreementNoTaken", agreementNo);
    }
    long id = jdbc.sql("""
        insert into space_agreement (region_id, unit_id, agreement_no, term_from, term_to, signed_on, created_by, created_at)
        values (:region, :unit, :no, :from, :to, :signed, :by, :at) returning id""")
        .param("region", unit.regionId()).param("unit", unit.id()).param("no", agreementNo).param("from", termFrom)
        .param("to", termTo).param("signed", today()).param("by", by.username())
        .param("at", Timestamp.from(clock.instant())).query(Long.class).single();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("unitId", unit.id());
    state.put("agreementNo", agreementNo);
    state.put("termFrom", termFrom.toString());
    state.put("termTo", termTo == null ? null : termTo.toString());
    audit.record(AuditEntry.created("space_agreement", id, unit.regionId(), state));
    return id;
  }

  private long insertAllocation(Room room, Unit unit, long agreementId, LocalDate from, String beganBy) {
    long id = jdbc.sql("""
        insert into space_unit_allocation (region_id, room_id, unit_id, agreement_id, area, valid_from, began_by)
        values (:region, :room, :unit, :agreement, :area, :from, :began) returning id""")
        .param("region", room.regionId()).param("room", room.id()).param("unit", unit.id())
        .param("agreement", agreementId).param("area", room.useArea()).param("from", from).param("began", beganBy)
        .query(Long.class).single();
    audit.record(AuditEntry.created("space_unit_allocation", id, room.regionId(), Map.of("roomId", room.id(),
        "unitId", unit.id(), "agreementId", agreementId, "area", room.useArea(), "validFrom", from.toString(),
        "began", beganBy)));
    return id;
  }

  private void endAllocation(UnitAllocation allocation, LocalDate on, String endedBy, long regionId) {
    if (on == null) {
      throw new BusinessRuleException("space.moveFieldsRequired");
    }
    if (allocation.validTo() != null) {
      throw new ConflictException("space.allocationAlreadyEnded", allocation.roomLabel());
    }
    if (!on.isAfter(allocation.validFrom())) {
      throw new BusinessRuleException("space.endBeforeStart");
    }
    for (OfficeAssignment office : jdbc.sql(OFFICE + " where o.room_id = :room and o.valid_to is null")
        .param("room", allocation.roomId()).query(SpaceAllocations::office).list()) {
      if (!on.isAfter(office.validFrom())) {
        throw new BusinessRuleException("space.officeStartsLater", office.staffName(), office.validFrom());
      }
      jdbc.sql("update space_office_assignment set valid_to = :to, ended_by = 'MOVED' where id = :id")
          .param("to", on).param("id", office.id()).update();
      closeRecoveryTasks(office.id());
      audit.record(AuditEntry.updated("space_office_assignment", office.id(), regionId, Map.of("validTo", ""),
          Map.of("validTo", on.toString(), "endedBy", "MOVED")));
    }
    jdbc.sql("update space_unit_allocation set valid_to = :to, ended_by = :by where id = :id")
        .param("to", on).param("by", endedBy).param("id", allocation.id()).update();
    audit.record(AuditEntry.updated("space_unit_allocation", allocation.id(), regionId, Map.of("validTo", ""),
        Map.of("validTo", on.toString(), "endedBy", endedBy)));
  }

  private void move(UnitAllocation current, Room room, Unit to, LocalDate on, String agreementNo, String endedBy,
                    String beganBy, long transferId, CurrentUser by) {
    endAllocation(current, on, endedBy, room.regionId());
    long agreementId = insertAgreement(to, agreementNo, on, null, by);
    insertAllocation(room, to, agreementId, on, beganBy);
    jdbc.sql("update space_room_transfer set agreement_id = :a where id = :id").param("a", agreementId)
        .param("id", transferId).update();
  }

  private long insertTransfer(String kind, Room room, long fromUnit, long toUnit, LocalDate on, String reason,
                              String status, CurrentUser by) {
    boolean done = status.equals("DONE");
    long id = jdbc.sql("""
        insert into space_room_transfer (region_id, kind, room_id, from_unit_id, to_unit_id, effective_on, reason, status,
                                         requested_by, requested_at, decided_by, decided_at)
        values (:region, :kind, :room, :from, :to, :on, :reason, :status, :by, :at, :decidedBy, :decidedAt) returning id""")
        .param("region", room.regionId()).param("kind", kind).param("room", room.id()).param("from", fromUnit)
        .param("to", toUnit).param("on", on).param("reason", reason).param("status", status)
        .param("by", by.username()).param("at", Timestamp.from(clock.instant()))
        .param("decidedBy", done ? by.username() : null)
        .param("decidedAt", done ? Timestamp.from(clock.instant()) : null)
        .query(Long.class).single();
    audit.record(AuditEntry.created("space_room_transfer", id, room.regionId(), Map.of("kind", kind,
        "roomId", room.id(), "fromUnitId", fromUnit, "toUnitId", toUnit, "effectiveOn", on.toString(),
        "reason", reason, "status", status)));
    return id;
  }

  private void endPreviousOffice(StaffMember member, long newRoomId, LocalDate from) {
    for (OfficeAssignment previous : jdbc.sql(OFFICE
            + " where o.staff_id = :s and not o.second_office and (o.valid_to is null or o.valid_to > :from)")
        .param("s", member.id()).param("from", from).query(SpaceAllocations::office).list()) {
      if (previous.roomId() == newRoomId) {
        throw new ConflictException("space.alreadyInRoom", member.name(), previous.roomLabel());
      }
      if (!from.isAfter(previous.validFrom())) {
        throw new BusinessRuleException("space.officeStartsLater", member.name(), previous.validFrom());
      }
      jdbc.sql("update space_office_assignment set valid_to = :to, ended_by = 'MOVED' where id = :id")
          .param("to", from).param("id", previous.id()).update();
      closeRecoveryTasks(previous.id());
      audit.record(AuditEntry.updated("space_office_assignment", previous.id(), member.regionId(),
          Map.of("validTo", ""), Map.of("validTo", from.toString(), "endedBy", "MOVED")));
    }
  }

  private long insertOffice(Room room, StaffMember member, LocalDate from, boolean second, String post) {
    long id = jdbc.sql("""
        insert into space_office_assignment (region_id, room_id, staff_id, second_office, concurrent_post, valid_from)
        values (:region, :room, :staff, :second, :post, :from) returning id""")
        .param("region", room.regionId()).param("room", room.id()).param("staff", member.id())
        .param("second", second).param("post", second ? post.trim() : null).param("from", from)
        .query(Long.class).single();
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("roomId", room.id());
    state.put("staffId", member.id());
    state.put("secondOffice", second);
    state.put("validFrom", from.toString());
    audit.record(AuditEntry.created("space_office_assignment", id, room.regionId(), state));
    return id;
  }

  Optional<UnitAllocation> currentAllocation(long roomId, LocalDate on) {
    return jdbc.sql(ALLOCATION + " where a.room_id = :room and a.valid_from <= :on and (a.valid_to is null or a.valid_to > :on)")
        .param("room", roomId).param("on", on).query(SpaceAllocations::allocation).optional();
  }

  private UnitAllocation allocationForUpdate(long id) {
    jdbc.sql("select id from space_unit_allocation where id = :id for update").param("id", id).query(Long.class)
        .optional().orElseThrow(() -> new NotFoundException("分配记录", id));
    return allocationRow(id);
  }

  private UnitAllocation allocationRow(long id) {
    return jdbc.sql(ALLOCATION + " where a.id = :id").param("id", id).query(SpaceAllocations::allocation).single();
  }

  private RoomTransfer pendingTransfer(long id, CurrentUser by) {
    RoomTransfer transfer = jdbc.sql(TRANSFER + " where t.id = :id for update of t").param("id", id)
        .query(SpaceAllocations::transfer).optional().orElseThrow(() -> new NotFoundException("移交", id));
    long regionId = register.roomUnscoped(transfer.roomId()).regionId();
    requireInScope(by.dataScope().permits(regionId, transfer.toUnitId(), null)
        || by.dataScope().permits(null, transfer.fromUnitId(), null), "移交", id);
    if (!transfer.status().equals("PENDING")) {
      throw new ConflictException("space.transferDecided");
    }
    return transfer;
  }

  private RoomTransfer transfer(long id) {
    return jdbc.sql(TRANSFER + " where t.id = :id").param("id", id).query(SpaceAllocations::transfer).single();
  }

  private Agreement agreementRow(long id) {
    return jdbc.sql("select g.*, u.name as unit_name from space_agreement g join unit u on u.id = g.unit_id where g.id = :id")
        .param("id", id)
        .query((rs, n) -> {
          List<UnitAllocation> rooms = new ArrayList<>();
          return new Agreement(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
              rs.getString("agreement_no"), rs.getDate("term_from").toLocalDate(), date(rs, "term_to"),
              rs.getDate("signed_on").toLocalDate(), BigDecimal.ZERO, rooms);
        })
        .optional()
        .map(agreement -> {
          List<UnitAllocation> rooms = jdbc.sql(ALLOCATION + " where a.agreement_id = :id order by room_label")
              .param("id", id).query(SpaceAllocations::allocation).list();
          BigDecimal area = rooms.stream().map(UnitAllocation::area).reduce(BigDecimal.ZERO, BigDecimal::add);
          return new Agreement(agreement.id(), agreement.regionId(), agreement.unitId(), agreement.unitName(),
              agreement.agreementNo(), agreement.termFrom(), agreement.termTo(), agreement.signedOn(), area, rooms);
        })
        .orElse(null);
  }

  static LocalDate date(ResultSet rs, String column) throws SQLException {
    java.sql.Date date = rs.getDate(column);
    return date == null ? null : date.toLocalDate();
  }

  static UnitAllocation allocation(ResultSet rs, int n) throws SQLException {
    return new UnitAllocation(rs.getLong("id"), rs.getLong("room_id"), rs.getString("room_label"), rs.getString("kind"),
        rs.getLong("unit_id"), rs.getString("unit_name"), rs.getLong("agreement_id"), rs.getString("agreement_no"),
        rs.getBigDecimal("area"), rs.getDate("valid_from").toLocalDate(), date(rs, "valid_to"),
        rs.getString("began_by"), rs.getString("ended_by"));
  }

  static OfficeAssignment office(ResultSet rs, int n) throws SQLException {
    return new OfficeAssignment(rs.getLong("id"), rs.getLong("room_id"), rs.getString("room_label"),
        rs.getLong("staff_id"), rs.getString("staff_name"), rs.getBoolean("second_office"),
        rs.getString("concurrent_post"), date(rs, "concurrent_post_ended_on"), rs.getDate("valid_from").toLocalDate(),
        date(rs, "valid_to"), rs.getString("ended_by"));
  }

  static RoomTransfer transfer(ResultSet rs, int n) throws SQLException {
    return new RoomTransfer(rs.getLong("id"), rs.getString("kind"), rs.getLong("room_id"), rs.getString("room_label"),
        rs.getLong("from_unit_id"), rs.getString("from_name"), rs.getLong("to_unit_id"), rs.getString("to_name"),
        rs.getDate("effective_on").toLocalDate(), rs.getString("reason"), rs.getString("status"),
        rs.getString("requested_by"), rs.getString("decided_by"));
  }
}
