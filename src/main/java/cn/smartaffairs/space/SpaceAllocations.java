package cn.smartaffairs.space;

import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.Unit;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.printing.PdfPrinter;
import cn.smartaffairs.printing.PrintableForm;
import cn.smartaffairs.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * 分配使用: rooms allocated to units under a 使用协议, 调剂 by the administration and 移交/接收 between units, and the
 * history of a room. Every change ends one validity period and may begin another, so the history of a room is its
 * rows; the database refuses a room held by two units at once. The offices people have in those rooms are
 * {@link OfficeAssignments}.
 */
@Service
public class SpaceAllocations {

  /** Rooms for a unit under a new agreement, from the start of its term. */
  public record AllocationRequest(Long unitId, String agreementNo, LocalDate termFrom, LocalDate termTo,
      List<Long> roomIds) {}

  private final AllocationRecords records;
  private final SpaceRegister register;
  private final OrganisationDirectory organisation;
  private final PdfPrinter printer;
  private final Clock clock;

  public SpaceAllocations(AllocationRecords records, SpaceRegister register, OrganisationDirectory organisation,
      PdfPrinter printer, Clock clock) {
    this.records = records;
    this.register = register;
    this.organisation = organisation;
    this.printer = printer;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  /** Allocates rooms to a unit under a new agreement, from the start of its term. Space managers of the region. */
  public Agreement allocate(AllocationRequest request, CurrentUser by) {
    AllocationRules.requireUnitChosen(request.unitId());
    Unit unit = organisation.unitById(request.unitId())
        .orElseThrow(() -> new NotFoundException("单位", request.unitId()));
    SpaceRegister.requireEditable(unit.regionId(), by);
    AllocationRules.checkAgreement(request.agreementNo(), request.termFrom(), request.termTo(), request.roomIds());
    long id = records.guarded(() -> {
      long agreementId = newAgreement(unit, request.agreementNo().trim(), request.termFrom(), request.termTo(), by);
      for (Long roomId : request.roomIds().stream().distinct().toList()) {
        Room room = roomOfRegion(roomId, unit.regionId());
        requireFree(room, request.termFrom());
        records.insertAllocation(room, unit, agreementId, request.termFrom(), UnitAllocation.Began.ALLOCATED);
      }
      return agreementId;
    });
    return agreement(id, by);
  }

  /** 退还: the unit gives the room back on a day; offices in it end the same day. */
  public UnitAllocation returnRoom(long allocationId, LocalDate on, CurrentUser by) {
    return records.guarded(() -> {
      UnitAllocation allocation = records.allocationForUpdate(allocationId);
      Room room = register.roomUnscoped(allocation.roomId());
      AllocationRules.requireInScope(by.dataScope().permits(room.regionId(), allocation.unitId(), null), "分配记录",
          allocationId);
      SpaceRegister.requireEditable(room.regionId(), by);
      endAllocation(allocation, on, UnitAllocation.Ended.RETURNED, room.regionId());
      return records.allocation(allocationId);
    });
  }

  /** 调剂: the administration moves a room from the unit holding it to another unit from a day, under a new agreement. */
  public RoomTransfer reallocate(long roomId, long toUnitId, LocalDate on, String reason, String agreementNo,
      CurrentUser by) {
    Room room = register.room(roomId, by);
    SpaceRegister.requireEditable(room.regionId(), by);
    Unit to = unitOfRegion(toUnitId, room.regionId());
    AllocationRules.checkMove(on, reason, agreementNo);
    return records.guarded(() -> {
      UnitAllocation current = allocatedOn(room, on);
      AllocationRules.requireOtherUnit(current, toUnitId);
      RoomTransfer.Kind kind = RoomTransfer.Kind.REALLOCATION;
      long transferId = records.insertTransfer(kind, room, current.unitId(), toUnitId, on, reason.trim(), by);
      move(current, room, to, on, agreementNo.trim(), kind, transferId, by);
      return records.transfer(transferId);
    });
  }

  /** 移交: the unit holding a room (or the administration) offers it to another unit; it moves when received. */
  public RoomTransfer handOver(long roomId, long toUnitId, LocalDate on, String reason, CurrentUser by) {
    Room room = register.room(roomId, by);
    Unit to = unitOfRegion(toUnitId, room.regionId());
    AllocationRules.checkHandover(on, reason);
    return records.guarded(() -> {
      UnitAllocation current = allocatedOn(room, on);
      AllocationRules.requireUnitOrManager(current.unitId(), room.regionId(), by);
      AllocationRules.requireOtherUnit(current, to.id());
      long transferId = records.insertTransfer(RoomTransfer.Kind.HANDOVER, room, current.unitId(), to.id(), on,
          reason.trim(), by);
      return records.transfer(transferId);
    });
  }

  /** 接收: the receiving unit (or the administration) accepts a handover under a new agreement. */
  public RoomTransfer receive(long transferId, String agreementNo, CurrentUser by) {
    return records.guarded(() -> {
      RoomTransfer pending = transferInScope(transferId, by);
      RoomTransfer.Status done = pending.status().decide(true);
      Room room = register.roomUnscoped(pending.roomId());
      AllocationRules.requireUnitOrManager(pending.toUnitId(), room.regionId(), by);
      AllocationRules.checkMove(pending.effectiveOn(), pending.reason(), agreementNo);
      UnitAllocation current = records.currentAllocation(room.id(), pending.effectiveOn())
          .filter(a -> a.unitId() == pending.fromUnitId())
          .orElseThrow(() -> new ConflictException("error.concurrentChange"));
      Unit to = organisation.unitById(pending.toUnitId()).orElseThrow();
      move(current, room, to, pending.effectiveOn(), agreementNo.trim(), pending.kind(), transferId, by);
      records.decideTransfer(pending, done, room.regionId(), by);
      return records.transfer(transferId);
    });
  }

  /** The receiving side declines a handover; the room stays where it is. */
  public RoomTransfer refuse(long transferId, CurrentUser by) {
    return records.guarded(() -> {
      RoomTransfer pending = transferInScope(transferId, by);
      RoomTransfer.Status refused = pending.status().decide(false);
      Room room = register.roomUnscoped(pending.roomId());
      AllocationRules.requireUnitOrManager(pending.toUnitId(), room.regionId(), by);
      records.decideTransfer(pending, refused, room.regionId(), by);
      return records.transfer(transferId);
    });
  }

  // ---- reading -------------------------------------------------------------------------------------------------

  public RoomHistory history(long roomId, CurrentUser viewer) {
    Room room = register.room(roomId, viewer);
    return new RoomHistory(room, records.allocationsOfRoom(roomId), records.officesOfRoom(roomId),
        records.transfersOfRoom(roomId));
  }

  /** The agreements of the units in the caller's scope, newest first. */
  public List<Agreement> agreements(CurrentUser viewer) {
    return records.agreementsIn(viewer.dataScope());
  }

  public Agreement agreement(long id, CurrentUser viewer) {
    return records.agreement(id)
        .filter(agreement -> viewer.dataScope().permits(agreement.regionId(), agreement.unitId(), null))
        .orElseThrow(() -> new NotFoundException("使用协议", id));
  }

  /** Handovers waiting to be received by units of the caller's scope (or anywhere in a manager's region). */
  public List<RoomTransfer> transfers(CurrentUser viewer) {
    return records.transfersIn(viewer.dataScope());
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
            agreement.rooms().stream().map(r -> List.of(r.roomLabel(), r.kind().chineseName(),
                r.area().toPlainString(), r.validFrom().toString(),
                r.validTo() == null ? "使用中" : "已于" + r.validTo() + "结束"))
                .toList())
        .note("依据《党政机关办公用房管理办法》第十八条：本凭证可用于办理法人登记、集体户口登记、大中修审批等事项，"
            + "不得用于出租、出借或经营。")
        .signature("机关事务管理部门（盖章）")
        .signature("使用单位（盖章）");
    return printer.print(form);
  }

  // ---- internals -----------------------------------------------------------------------------------------------

  private long newAgreement(Unit unit, String agreementNo, LocalDate termFrom, LocalDate termTo, CurrentUser by) {
    if (records.agreementNoTaken(unit.regionId(), agreementNo)) {
      throw new ConflictException("space.agreementNoTaken", agreementNo);
    }
    return records.insertAgreement(unit, agreementNo, termFrom, termTo, today(), by);
  }

  /** Ends the unit's period of the room; the offices in it end the same day (moved out with the unit). */
  private void endAllocation(UnitAllocation allocation, LocalDate on, UnitAllocation.Ended ended, long regionId) {
    allocation.requireEndableOn(on);
    for (OfficeAssignment office : records.openOfficesInRoom(allocation.roomId())) {
      office.requireMovableOn(on);
      records.endOffice(office.id(), on, OfficeAssignment.Ended.MOVED, regionId);
    }
    records.endAllocation(allocation, on, ended, regionId);
  }

  /** Ends the giving unit's period and begins the receiving unit's under a new agreement, as the transfer's kind says. */
  private void move(UnitAllocation current, Room room, Unit to, LocalDate on, String agreementNo,
      RoomTransfer.Kind kind, long transferId, CurrentUser by) {
    endAllocation(current, on, kind.ends(), room.regionId());
    long agreementId = newAgreement(to, agreementNo, on, null, by);
    records.insertAllocation(room, to, agreementId, on, kind.begins());
    records.linkAgreement(transferId, agreementId);
  }

  private UnitAllocation allocatedOn(Room room, LocalDate on) {
    return records.currentAllocation(room.id(), on)
        .orElseThrow(
            () -> new BusinessRuleException("space.roomNotAllocated", room.buildingName() + " " + room.number()));
  }

  private void requireFree(Room room, LocalDate from) {
    records.allocationsReaching(room.id(), from).stream().filter(taken -> taken.blocksAllocationFrom(from)).findFirst()
        .ifPresent(taken -> {
          throw new ConflictException("space.roomAlreadyAllocated", taken.roomLabel(), taken.unitName(),
              taken.validFrom());
        });
  }

  private Unit unitOfRegion(long unitId, long regionId) {
    return organisation.unitById(unitId).filter(u -> u.regionId() == regionId)
        .orElseThrow(() -> new NotFoundException("单位", unitId));
  }

  private Room roomOfRegion(long roomId, long regionId) {
    Room room = register.roomUnscoped(roomId);
    if (room.regionId() != regionId) {
      throw new NotFoundException("房间", roomId);
    }
    return room;
  }

  /** A transfer to or from a unit in the caller's scope, locked until the decision is stored. */
  private RoomTransfer transferInScope(long id, CurrentUser by) {
    RoomTransfer transfer = records.transferForUpdate(id).orElseThrow(() -> new NotFoundException("移交", id));
    long regionId = register.roomUnscoped(transfer.roomId()).regionId();
    AllocationRules.requireInScope(by.dataScope().permits(regionId, transfer.toUnitId(), null)
        || by.dataScope().permits(null, transfer.fromUnitId(), null), "移交", id);
    return transfer;
  }
}
