package cn.smartaffairs.space;

import cn.smartaffairs.organisation.StaffMember;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The rules a request to allocate, move or assign space must meet before anything is stored: pure, so each is checked
 * without Spring. The no-overlap rules themselves are the database's; these only answer first with a clear message.
 */
final class AllocationRules {

  static final int MAX_AGREEMENT_NO = 40;
  static final int MAX_REASON = 200;

  private AllocationRules() {}

  static void requireUnitChosen(Long unitId) {
    if (unitId == null) {
      throw new BusinessRuleException("space.unitRequired");
    }
  }

  /** An agreement has a number, a term that begins and, if it ends, ends after it begins, and at least one room. */
  static void checkAgreement(String agreementNo, LocalDate termFrom, LocalDate termTo, List<Long> roomIds) {
    checkAgreementNo(agreementNo);
    if (termFrom == null) {
      throw new BusinessRuleException("space.termFromRequired");
    }
    if (termTo != null && !termTo.isAfter(termFrom)) {
      throw new BusinessRuleException("space.termInvalid");
    }
    if (roomIds == null || roomIds.isEmpty()) {
      throw new BusinessRuleException("space.roomsRequired");
    }
  }

  static void checkAgreementNo(String agreementNo) {
    if (SpaceRegister.blank(agreementNo) || agreementNo.trim().length() > MAX_AGREEMENT_NO) {
      throw new BusinessRuleException("space.agreementNoRequired");
    }
  }

  /** A handover (移交) names its day and its reason. */
  static void checkHandover(LocalDate on, String reason) {
    if (on == null || SpaceRegister.blank(reason) || reason.trim().length() > MAX_REASON) {
      throw new BusinessRuleException("space.moveFieldsRequired");
    }
  }

  /** A move that gives the room to its new unit (调剂, 接收) also names the new agreement. */
  static void checkMove(LocalDate on, String reason, String agreementNo) {
    checkHandover(on, reason);
    checkAgreementNo(agreementNo);
  }

  /** A room moves only to another unit. */
  static void requireOtherUnit(UnitAllocation current, long toUnitId) {
    if (current.unitId() == toUnitId) {
      throw new BusinessRuleException("space.sameUnit");
    }
  }

  /** Offices are given in office rooms, to named people; a second office (兼职) names its concurrent post. */
  static void checkOfficeRequest(Room room, List<Long> staffIds, boolean secondOffice, String concurrentPost) {
    if (room.kind() != RoomKind.OFFICE) {
      throw new BusinessRuleException("space.notAnOffice", room.buildingName() + " " + room.number());
    }
    if (staffIds == null || staffIds.isEmpty() || staffIds.stream().anyMatch(Objects::isNull)) {
      throw new BusinessRuleException("space.staffRequired");
    }
    if (secondOffice && SpaceRegister.blank(concurrentPost)) {
      throw new BusinessRuleException("space.concurrentPostRequired");
    }
  }

  /** Only an active member of the unit holding the room gets an office in it. */
  static void requireMayHaveOffice(StaffMember member, UnitAllocation holder) {
    if (member.unitId() != holder.unitId()) {
      throw new BusinessRuleException("space.staffNotOfUnit", member.name(), holder.unitName());
    }
    if (member.status() != StaffStatus.ACTIVE) {
      throw new BusinessRuleException("space.staffNotActive", member.name());
    }
  }

  /** A person moving to a new main office leaves the previous one that day; moving into the same room is no move. */
  static void requireMovableTo(OfficeAssignment previous, long newRoomId, String personName, LocalDate from) {
    if (previous.roomId() == newRoomId) {
      throw new ConflictException("space.alreadyInRoom", personName, previous.roomLabel());
    }
    if (!from.isAfter(previous.validFrom())) {
      throw new BusinessRuleException("space.officeStartsLater", personName, previous.validFrom());
    }
  }

  /** The unit holding a room (its head or liaison) or the region's space administration acts on the room's use. */
  static void requireUnitOrManager(long unitId, long regionId, CurrentUser by) {
    boolean manager = SpaceRegister.editScope(by).permits(regionId, null, null);
    boolean unitSide = by.dataScopeAs(Role.UNIT_HEAD, Role.UNIT_LIAISON).permits(null, unitId, null);
    if (!manager && !unitSide) {
      throw new ForbiddenException();
    }
  }

  /** A record outside the caller's data scope answers 404, as if it did not exist, so ids cannot be probed. */
  static void requireInScope(boolean inScope, String what, long id) {
    if (!inScope) {
      throw new NotFoundException(what, id);
    }
  }
}
