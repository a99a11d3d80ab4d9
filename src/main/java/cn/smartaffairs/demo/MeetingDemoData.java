package cn.smartaffairs.demo;

import org.springframework.core.annotation.Order;
import cn.smartaffairs.approval.ApprovalMode;
import cn.smartaffairs.approval.ApprovalFlows;
import cn.smartaffairs.approval.ApproverKind;
import cn.smartaffairs.approval.FlowDefinition;
import cn.smartaffairs.meeting.Equipment;
import cn.smartaffairs.meeting.MeetingRoomAdmin;
import cn.smartaffairs.meeting.MeetingRooms;
import cn.smartaffairs.meeting.NewRoom;
import cn.smartaffairs.meeting.NewSeries;
import cn.smartaffairs.meeting.RecurringBookings;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The meeting module's demo: a few rooms per region, every region's approval flow for large-hall bookings (大礼堂 needs approval) and a
 * weekly 周例会 in the city's first room, so the calendar feed has a series to show.
 */
@Component
@Order(10)
class MeetingDemoData implements ModuleDemoData {

  private final ApprovalFlows approvals;
  private final Accounts accounts;
  private final OrganisationDirectory organisation;
  private final MeetingRooms meetingRooms;
  private final MeetingRoomAdmin roomAdmin;
  private final RecurringBookings recurring;
  private final Clock clock;

  MeetingDemoData(ApprovalFlows approvals, Accounts accounts, OrganisationDirectory organisation,
      MeetingRooms meetingRooms, MeetingRoomAdmin roomAdmin, RecurringBookings recurring,
      Clock clock) {
    this.roomAdmin = roomAdmin;
    this.approvals = approvals;
    this.accounts = accounts;
    this.organisation = organisation;
    this.meetingRooms = meetingRooms;
    this.recurring = recurring;
    this.clock = clock;
  }

  @Override
  public void load() {
    createRooms();
    var admin = accounts.loadUserByUsername("admin");
    for (var region : organisation.regions()) {
      // the 会务 team decides where there is one; elsewhere the region's administrators
      Role approver = accounts.holdersOf(Role.MEETING_MANAGER, region.id(), null).isEmpty()
          ? Role.REGION_ADMIN
          : Role.MEETING_MANAGER;
      approvals.defineFlow(new FlowDefinition(MeetingRooms.APPROVAL_TYPE, region.id(), "大会议室预订审批",
          List.of(FlowDefinition.Step.of("会务管理员审核", ApproverKind.REGION_ROLE, approver, ApprovalMode.ANY, 8)
              .remindBefore(2))),
          admin);
    }
    var manager = accounts.loadUserByUsername("meeting.manager");
    var room = meetingRooms.rooms(manager).stream().filter(r -> r.name().equals("第二会议室")).findFirst().orElseThrow();
    LocalDate monday = LocalDate.now(clock).plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    recurring.book(new NewSeries(room.id(), "办公室周例会", 10, "WEEKLY", 1, monday, monday.plusWeeks(11),
        LocalTime.of(9, 0), LocalTime.of(10, 0), List.of(monday.plusWeeks(4)), true, null), manager);
  }

  /** A few rooms per region, registered by each region's meeting manager or admin, so booking works at once. */
  private void createRooms() {
    var city = accounts.loadUserByUsername("meeting.manager");
    var county = accounts.loadUserByUsername("county.admin");
    var video = List.of(Equipment.PROJECTOR, Equipment.VIDEO_CONFERENCE, Equipment.MICROPHONE, Equipment.SCREEN);
    roomAdmin.createRoom(new NewRoom("第一会议室", "市行政中心1号楼", "3", 30, video, false, null, null), city);
    roomAdmin.createRoom(new NewRoom("第二会议室", "市行政中心1号楼", "3", 12, List.of(Equipment.PROJECTOR,
        Equipment.WHITEBOARD), false, null, null), city);
    roomAdmin.createRoom(new NewRoom("视频会议室", "市行政中心2号楼", "5", 20, video, false, null, null), city);
    roomAdmin.createRoom(new NewRoom("大礼堂", "市行政中心2号楼", "1", 300, List.of(Equipment.PROJECTOR,
        Equipment.MICROPHONE, Equipment.SCREEN), true, null, null), city);
    roomAdmin.createRoom(new NewRoom("县政府常务会议室", "县行政中心", "4", 25, video, false, null, null), county);
  }
}
