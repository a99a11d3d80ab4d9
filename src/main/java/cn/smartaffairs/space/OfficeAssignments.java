package cn.smartaffairs.space;

import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffMember;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * 办公室分配: the offices staff members have in the rooms their unit holds — one or several people per room, a main
 * office each, and a leader's second office (兼职) until the concurrent post ends. An office ends when its holder
 * moves, gives it up or it is recovered (腾退, {@link OfficeRecoveryWatch}).
 */
@Service
public class OfficeAssignments {

  /** People of the unit holding an office room get it from a day; a second office names the concurrent post. */
  public record OfficeRequest(Long roomId, List<Long> staffIds, LocalDate validFrom, boolean secondOffice,
      String concurrentPost) {}

  private final AllocationRecords records;
  private final SpaceRegister register;
  private final StaffDirectory staff;
  private final Clock clock;

  public OfficeAssignments(AllocationRecords records, SpaceRegister register, StaffDirectory staff, Clock clock) {
    this.records = records;
    this.register = register;
    this.staff = staff;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

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
    AllocationRules.checkOfficeRequest(room, request.staffIds(), request.secondOffice(), request.concurrentPost());
    return records.guarded(() -> {
      UnitAllocation holder = records.currentAllocation(room.id(), from)
          .orElseThrow(
              () -> new BusinessRuleException("space.roomNotAllocated", room.buildingName() + " " + room.number()));
      AllocationRules.requireUnitOrManager(holder.unitId(), room.regionId(), by);
      List<Long> ids = new ArrayList<>();
      for (Long staffId : request.staffIds().stream().distinct().toList()) {
        StaffMember member = staff.get(staffId, DataScope.everything());
        AllocationRules.requireMayHaveOffice(member, holder);
        if (!request.secondOffice()) {
          endPreviousOffice(member, room.id(), from);
        }
        ids.add(records.insertOffice(room, member.id(), from, request.secondOffice(), request.concurrentPost()));
      }
      return ids.stream().map(this::office).toList();
    });
  }

  /** Ends an office on a day: vacated, or recovered when a recovery task was open for it (which it closes). */
  public OfficeAssignment endOffice(long assignmentId, LocalDate on, CurrentUser by) {
    return records.guarded(() -> {
      OfficeAssignment office = office(assignmentId);
      Room room = register.roomUnscoped(office.roomId());
      UnitAllocation holder = records.currentAllocation(room.id(), office.validFrom()).orElse(null);
      AllocationRules.requireInScope(by.dataScope().permits(room.regionId(), holder == null ? null : holder.unitId(),
          office.staffId()), "办公室分配", assignmentId);
      AllocationRules.requireUnitOrManager(holder == null ? -1 : holder.unitId(), room.regionId(), by);
      LocalDate end = on == null ? today() : on;
      office.requireEndableOn(end);
      records.endOffice(assignmentId, end, OfficeAssignment.Ended.endedDirectly(records.recoveryOpen(assignmentId)),
          room.regionId());
      return office(assignmentId);
    });
  }

  /** Records the day a leader left the concurrent post for which they hold a second office; the deadline runs from it. */
  public OfficeAssignment endConcurrentPost(long assignmentId, LocalDate endedOn, CurrentUser by) {
    return records.guarded(() -> {
      OfficeAssignment office = office(assignmentId);
      Room room = register.roomUnscoped(office.roomId());
      AllocationRules.requireInScope(by.dataScope().permits(room.regionId(), null, office.staffId()), "办公室分配",
          assignmentId);
      SpaceRegister.requireEditable(room.regionId(), by);
      office.requireConcurrentPostEndable(endedOn);
      records.endConcurrentPost(assignmentId, endedOn, room.regionId());
      return office(assignmentId);
    });
  }

  /** The offices that people of the caller's scope hold today. */
  public List<OfficeAssignment> currentOffices(Long unitId, CurrentUser viewer) {
    return records.officesHeld(today(), unitId, viewer.dataScope());
  }

  public OfficeAssignment office(long id) {
    return records.office(id).orElseThrow(() -> new NotFoundException("办公室分配", id));
  }

  private void endPreviousOffice(StaffMember member, long newRoomId, LocalDate from) {
    for (OfficeAssignment previous : records.mainOfficesReaching(member.id(), from)) {
      AllocationRules.requireMovableTo(previous, newRoomId, member.name(), from);
      records.endOffice(previous.id(), from, OfficeAssignment.Ended.MOVED, member.regionId());
    }
  }
}
