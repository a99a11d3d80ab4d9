package cn.smartaffairs.meeting;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 会议室管理: the region's meeting managers and admins register rooms, edit them and say who may book them. Booking
 * the rooms is {@link MeetingRooms}. Every change is audited.
 */
@Service
public class MeetingRoomAdmin {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final MeetingRooms rooms;

  public MeetingRoomAdmin(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactions,
      MeetingRooms rooms) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.rooms = rooms;
  }

  /** Registers a room in the caller's region: its meeting managers and admins may. Audited. */
  public MeetingRoom createRoom(NewRoom room, CurrentUser by) {
    long regionId = by.regionId();
    requireRoomKeeper(regionId, by);
    checkRoom(room);
    LocalTime opens = room.opensAt() == null ? LocalTime.of(8, 0) : room.opensAt();
    LocalTime closes = room.closesAt() == null ? LocalTime.of(21, 0) : room.closesAt();
    if (!opens.isBefore(closes)) {
      throw new BusinessRuleException("meeting.openingHoursInvalid");
    }
    return transaction.execute(status -> {
      boolean taken = jdbc.sql("select count(*) from meeting_room where region_id = :region and name = :name")
          .param("region", regionId).param("name", room.name().trim()).query(Long.class).single() > 0;
      if (taken) {
        throw new BusinessRuleException("meeting.roomNameTaken", room.name().trim());
      }
      String[] equipment = (room.equipment() == null ? List.<Equipment>of() : room.equipment()).stream()
          .distinct().map(Enum::name).toArray(String[]::new);
      long id = jdbc.sql(
          """
              insert into meeting_room (region_id, name, building, floor, capacity, equipment, needs_approval, opens_at, closes_at)
              values (:region, :name, :building, :floor, :capacity, :equipment, :approval, :opens, :closes) returning id""")
          .param("region", regionId).param("name", room.name().trim()).param("building", room.building().trim())
          .param("floor", room.floor()).param("capacity", room.capacity()).param("equipment", equipment)
          .param("approval", room.needsApproval()).param("opens", java.sql.Time.valueOf(opens))
          .param("closes", java.sql.Time.valueOf(closes))
          .query(Long.class).single();
      audit.record(AuditEntry.created("meeting_room", id, regionId, java.util.Map.of("name", room.name().trim(),
          "building", room.building().trim(), "capacity", room.capacity(), "equipment", List.of(equipment))));
      return rooms.room(id, by);
    });
  }

  /** Edits a room and who may book it: the region's meeting managers and admins. Audited. */
  public MeetingRoom updateRoom(long id, NewRoom changed, List<Long> unitIds, List<Role> roles, CurrentUser by) {
    MeetingRoom before = rooms.room(id, by);
    requireRoomKeeper(before.regionId(), by);
    checkRoom(changed);
    LocalTime opens = changed.opensAt() == null ? before.opensAt() : changed.opensAt();
    LocalTime closes = changed.closesAt() == null ? before.closesAt() : changed.closesAt();
    if (!opens.isBefore(closes)) {
      throw new BusinessRuleException("meeting.openingHoursInvalid");
    }
    return transaction.execute(status -> {
      boolean taken = jdbc
          .sql("select count(*) from meeting_room where region_id = :region and name = :name and id <> :id")
          .param("region", before.regionId()).param("name", changed.name().trim()).param("id", id)
          .query(Long.class).single() > 0;
      if (taken) {
        throw new BusinessRuleException("meeting.roomNameTaken", changed.name().trim());
      }
      RoomAccess accessBefore = rooms.access(id);
      String[] equipment = (changed.equipment() == null ? List.<Equipment>of() : changed.equipment()).stream()
          .distinct().map(Enum::name).toArray(String[]::new);
      jdbc.sql("""
          update meeting_room set name = :name, building = :building, floor = :floor, capacity = :capacity,
                 equipment = :equipment, needs_approval = :approval, opens_at = :opens, closes_at = :closes
           where id = :id""")
          .param("name", changed.name().trim()).param("building", changed.building().trim())
          .param("floor", changed.floor()).param("capacity", changed.capacity()).param("equipment", equipment)
          .param("approval", changed.needsApproval()).param("opens", java.sql.Time.valueOf(opens))
          .param("closes", java.sql.Time.valueOf(closes)).param("id", id).update();
      jdbc.sql("delete from meeting_room_permit where room_id = :room").param("room", id).update();
      for (Long unitId : unitIds == null ? List.<Long>of() : unitIds.stream().distinct().toList()) {
        int inRegion = jdbc.sql("""
            insert into meeting_room_permit (room_id, unit_id) select :room, u.id from org_unit u
             where u.id = :unit and u.region_id = :region""")
            .param("room", id).param("unit", unitId).param("region", before.regionId()).update();
        if (inRegion == 0) {
          throw new NotFoundException("unit", unitId);
        }
      }
      for (Role role : roles == null ? List.<Role>of() : roles.stream().distinct().toList()) {
        jdbc.sql("insert into meeting_room_permit (room_id, role) values (:room, :role)")
            .param("room", id).param("role", role.name()).update();
      }
      MeetingRoom after = rooms.room(id, by);
      RoomAccess accessAfter = rooms.access(id);
      audit.record(AuditEntry.updated("meeting_room", id, before.regionId(), describe(before, accessBefore),
          describe(after, accessAfter)));
      return after;
    });
  }

  private static Map<String, Object> describe(MeetingRoom room, RoomAccess access) {
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("name", room.name());
    fields.put("building", room.building());
    fields.put("floor", room.floor());
    fields.put("capacity", room.capacity());
    fields.put("equipment", room.equipment());
    fields.put("needsApproval", room.needsApproval());
    fields.put("opens", room.opensAt().toString());
    fields.put("closes", room.closesAt().toString());
    fields.put("units", access.unitIds());
    fields.put("roles", access.roles());
    return fields;
  }

  public void requireRoomKeeper(long regionId, CurrentUser by) {
    if (!by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.MEETING_MANAGER).permits(regionId, null, null)) {
      throw new ForbiddenException();
    }
  }

  private static void checkRoom(NewRoom room) {
    if (room.name() == null || room.name().isBlank() || room.building() == null || room.building().isBlank()
        || room.capacity() <= 0) {
      throw new BusinessRuleException("meeting.roomInvalid");
    }
  }
}
