package cn.smartaffairs.reception;

import cn.smartaffairs.approval.ApprovalDecided;
import cn.smartaffairs.approval.ApprovalWithdrawn;
import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.reception.NewReception.GuestLine;
import cn.smartaffairs.reception.NewReception.MealLine;
import cn.smartaffairs.reception.Reception.Consumption;
import cn.smartaffairs.reception.Reception.Guest;
import cn.smartaffairs.reception.Reception.Meal;
import cn.smartaffairs.reception.Reception.ReceptionList;
import cn.smartaffairs.reception.Reception.Stay;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公务接待: registering a reception from its 公函 (no reception without one), its plan checked against the rules in
 * force on the arrival day, the 接待审批单 through the approval engine ({@code reception.approval}), the 消费清单, the
 * 接待清单 and closing with the four documents. The host unit's liaison and head run their unit's receptions; the region
 * administrator (机关事务管理局) sees the region's. Every change is audited.
 */
@Service
public class Receptions {

  public static final String APPROVAL_TYPE = "reception.approval";
  static final Role[] READERS = {Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.UNIT_HEAD, Role.UNIT_LIAISON};

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Approvals approvals;
  private final ReceptionRuleTables rules;
  private final Clock clock;

  Receptions(JdbcClient jdbc, AuditTrail audit, Approvals approvals, ReceptionRuleTables rules, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.approvals = approvals;
    this.rules = rules;
    this.clock = clock;
  }

  // ---- the 公函 ---------------------------------------------------------------------------------------------------

  /** Registers a reception from its letter, with its planned meals checked against the rules. */
  @Transactional
  public Reception register(NewReception draft, CurrentUser by) {
    if (draft == null) {
      throw new BusinessRuleException("reception.rule.letterRequired");
    }
    List<ReceptionRules.Guest> guests = draft.guests() == null
        ? List.of()
        : draft.guests().stream()
            .map(g -> g == null ? null : new ReceptionRules.Guest(g.name(), g.unit(), g.post(), g.grade())).toList();
    ReceptionRules.checkLetter(draft.letterNo(), draft.guestUnit(), draft.purpose(), draft.arrival(),
        draft.departure(), guests);
    checkLength(draft.letterNo(), 60, "reception.letterNo");
    checkLength(draft.guestUnit(), 100, "reception.guestUnit");
    checkLength(draft.purpose(), 500, "reception.purpose");
    for (GuestLine guest : draft.guests()) {
      checkLength(guest.name(), 50, "reception.guestName");
      checkLength(guest.unit(), 100, "reception.guestUnitOfGuest");
      checkLength(guest.post(), 100, "reception.guestPost");
    }
    if (draft.hostUnitId() == null) {
      throw new BusinessRuleException("reception.hostUnitRequired");
    }
    long regionId = jdbc.sql("select region_id from org_unit where id = :id").param("id", draft.hostUnitId())
        .query(Long.class).optional().orElseThrow(() -> new BusinessRuleException("reception.hostUnitUnknown"));
    if (!by.dataScopeAs(READERS).permits(regionId, draft.hostUnitId(), null)) {
      throw new ForbiddenException("reception.notYourUnit");
    }
    List<ReceptionRules.Meal> meals = meals(draft.meals());
    ReceptionRuleSet inForce = rules.inForce(regionId, draft.arrival());
    ReceptionRules.checkMeals(meals, guests.size(), draft.arrival(), draft.departure(), inForce);
    boolean taken = jdbc.sql("""
        select count(*) from reception where region_id = :region and guest_unit = :unit and letter_no = :letter""")
        .param("region", regionId).param("unit", draft.guestUnit().strip()).param("letter", draft.letterNo().strip())
        .query(Long.class).single() > 0;
    if (taken) {
      throw new ConflictException("reception.letterTaken", draft.letterNo().strip());
    }
    long id = jdbc.sql("""
        insert into reception (region_id, host_unit_id, letter_no, guest_unit, purpose, arrival, departure, status,
                               estimated_cost_fen, created_by, created_at)
        values (:region, :unit, :letter, :guestUnit, :purpose, :arrival, :departure, 'REGISTERED', :estimate, :by, :at)
        returning id""")
        .param("region", regionId).param("unit", draft.hostUnitId()).param("letter", draft.letterNo().strip())
        .param("guestUnit", draft.guestUnit().strip()).param("purpose", draft.purpose().strip())
        .param("arrival", Date.valueOf(draft.arrival())).param("departure", Date.valueOf(draft.departure()))
        .param("estimate", ReceptionRules.estimatedCostFen(guests.size(), meals, List.of()))
        .param("by", by.userId()).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
    int position = 1;
    for (GuestLine guest : draft.guests()) {
      jdbc.sql("""
          insert into reception_guest (reception_id, position, name, unit, post, grade)
          values (:reception, :position, :name, :unit, :post, :grade)""")
          .param("reception", id).param("position", position++).param("name", guest.name().strip())
          .param("unit", guest.unit().strip()).param("post", guest.post().strip())
          .param("grade", guest.grade() == null ? null : guest.grade().name()).update();
    }
    insertMeals(id, draft.meals());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("letterNo", draft.letterNo().strip());
    after.put("guestUnit", draft.guestUnit().strip());
    after.put("hostUnitId", draft.hostUnitId());
    after.put("arrival", draft.arrival().toString());
    after.put("departure", draft.departure().toString());
    after.put("guests", guests.size());
    after.put("meals", meals.size());
    audit.record(AuditEntry.created("reception", id, regionId, after));
    return load(id);
  }

  // ---- reading ------------------------------------------------------------------------------------------------

  /** A reception within the viewer's scope (404 otherwise, so ids cannot be probed). */
  public Reception get(long id, CurrentUser viewer) {
    DataScope scope = viewer.dataScopeAs(READERS);
    boolean visible = jdbc.sql("select count(*) from reception r where r.id = :id and "
        + DataScope.sqlCondition("r.region_id", "r.host_unit_id", null))
        .paramSource(scope.bind(new MapSqlParameterSource()).addValue("id", id)).query(Long.class).single() > 0;
    if (!visible) {
      throw new NotFoundException("reception", id);
    }
    return load(id);
  }

  /** The reception behind an approval request, if any (for the approver's summary). */
  Optional<Reception> ofApproval(long approvalRequestId) {
    return jdbc.sql("select id from reception where approval_request_id = :approval").param("approval",
        approvalRequestId).query(Long.class).optional().map(this::load);
  }

  Reception load(long id) {
    Reception head = jdbc.sql("""
        select r.*, u.name as host_unit_name from reception r join org_unit u on u.id = r.host_unit_id
         where r.id = :id""")
        .param("id", id).query((rs, row) -> head(rs)).optional()
        .orElseThrow(() -> new NotFoundException("reception", id));
    List<Guest> guests = jdbc.sql("select * from reception_guest where reception_id = :id order by position")
        .param("id", id).query((rs, row) -> new Guest(rs.getLong("id"), rs.getInt("position"), rs.getString("name"),
            rs.getString("unit"), rs.getString("post"),
            rs.getString("grade") == null ? null : RankGrade.valueOf(rs.getString("grade"))))
        .list();
    List<Meal> meals = jdbc.sql("select * from reception_meal where reception_id = :id order by meal_date, kind, id")
        .param("id", id).query((rs, row) -> new Meal(rs.getLong("id"), rs.getDate("meal_date").toLocalDate(),
            MealKind.valueOf(rs.getString("kind")), rs.getInt("accompanying"), rs.getLong("price_per_person_fen"),
            rs.getBoolean("in_canteen"), rs.getString("canteen_charge_no")))
        .list();
    List<Stay> stays = jdbc.sql("""
        select s.*, g.name as guest_name, h.name as hotel_name from reception_stay s
          join reception_guest g on g.id = s.guest_id join reception_hotel h on h.id = s.hotel_id
         where s.reception_id = :id order by g.position""")
        .param("id", id).query((rs, row) -> new Stay(rs.getLong("id"), rs.getLong("guest_id"),
            rs.getString("guest_name"), rs.getLong("hotel_id"), rs.getString("hotel_name"),
            RoomKind.valueOf(rs.getString("room_kind")), rs.getInt("nights"), rs.getLong("price_per_night_fen")))
        .list();
    List<Consumption> consumption = jdbc.sql("""
        select * from reception_consumption where reception_id = :id order by spent_on, id""")
        .param("id", id).query((rs, row) -> new Consumption(rs.getLong("id"), rs.getDate("spent_on").toLocalDate(),
            ConsumptionCategory.valueOf(rs.getString("category")), rs.getString("item"), rs.getLong("amount_fen"),
            rs.getString("invoice_no")))
        .list();
    return new Reception(head.id(), head.regionId(), head.hostUnitId(), head.hostUnitName(), head.letterNo(),
        head.guestUnit(), head.purpose(), head.arrival(), head.departure(), head.status(), head.approvalRequestId(),
        head.estimatedCostFen(), head.vehicleRequestId(), head.meetingBookingId(), head.list(), head.closedAt(),
        head.version(), guests, meals, stays, consumption);
  }

  private static Reception head(ResultSet rs) throws SQLException {
    Timestamp generated = rs.getTimestamp("list_generated_at");
    ReceptionList list = generated == null
        ? null
        : new ReceptionList(rs.getString("list_activity"), rs.getString("list_place"),
            rs.getString("list_signed_by"), generated.toInstant(), rs.getInt("list_guest_count"),
            rs.getLong("list_total_fen"), rs.getDate("list_arrival").toLocalDate(),
            rs.getDate("list_departure").toLocalDate());
    Timestamp closed = rs.getTimestamp("closed_at");
    return new Reception(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("host_unit_id"),
        rs.getString("host_unit_name"), rs.getString("letter_no"), rs.getString("guest_unit"),
        rs.getString("purpose"), rs.getDate("arrival").toLocalDate(), rs.getDate("departure").toLocalDate(),
        ReceptionStatus.valueOf(rs.getString("status")), rs.getObject("approval_request_id", Long.class),
        rs.getLong("estimated_cost_fen"), rs.getObject("vehicle_request_id", Long.class),
        rs.getObject("meeting_booking_id", Long.class), list, closed == null ? null : closed.toInstant(),
        rs.getInt("version"), List.of(), List.of(), List.of(), List.of());
  }

  // ---- moves --------------------------------------------------------------------------------------------------

  /**
   * Locks a reception the actor may change: the host unit's head or liaison, the region administrator or the platform
   * administrator; a stale version (another change since the page was read) answers 409.
   */
  Reception lockForChange(long id, Integer expectedVersion, CurrentUser by) {
    Reception reception = get(id, by);
    jdbc.sql("select id from reception where id = :id for update").param("id", id).query(Long.class).single();
    reception = load(id);
    if (expectedVersion != null && expectedVersion != reception.version()) {
      throw new ConflictException("reception.stale");
    }
    return reception;
  }

  /** Saves a new state, bumps the version and audits the move. */
  void moveTo(Reception reception, ReceptionStatus.Move move, Map<String, Object> extra) {
    ReceptionStatus next = reception.status().after(move);
    jdbc.sql("""
        update reception set status = :status, version = version + 1,
               closed_at = case when :status = 'CLOSED' then cast(:now as timestamptz) else closed_at end
         where id = :id""")
        .param("status", next.name()).param("now", Timestamp.from(clock.instant())).param("id", reception.id())
        .update();
    Map<String, Object> after = new LinkedHashMap<>(extra);
    after.put("status", next.name());
    audit.record(AuditEntry.updated("reception", reception.id(), reception.regionId(),
        Map.of("status", reception.status().name()), after));
  }

  /** Sends the host unit's 接待审批单 to approval: the unit head, then the 机关事务管理局. */
  @Transactional
  public Reception submit(long id, Integer expectedVersion, CurrentUser by) {
    Reception reception = lockForChange(id, expectedVersion, by);
    reception.status().after(ReceptionStatus.Move.SUBMIT);
    if (by.unitId() == null || by.unitId() != reception.hostUnitId()) {
      throw new BusinessRuleException("reception.submitByHostUnit");
    }
    recheckPlan(reception);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("guests", reception.guests().size());
    facts.put("estimatedCostFen", reception.estimatedCostFen());
    String subject = reception.guestUnit() + " " + reception.letterNo();
    long approvalId = approvals.submit(APPROVAL_TYPE, subject.length() > 200 ? subject.substring(0, 200) : subject,
        facts, reception.arrival().atStartOfDay(PlatformConfiguration.ZONE).toInstant(), by);
    jdbc.sql("update reception set approval_request_id = :approval where id = :id").param("approval", approvalId)
        .param("id", id).update();
    moveTo(reception, ReceptionStatus.Move.SUBMIT, Map.of("approvalRequestId", approvalId));
    return load(id);
  }

  /** The approval's outcome moves the reception, only from the state it expects (a late retry changes nothing). */
  @ApplicationModuleListener(id = "reception.approval-decided")
  void onApprovalDecided(ApprovalDecided decided) {
    if (APPROVAL_TYPE.equals(decided.requestType())) {
      moveByApproval(decided.requestId(), decided.outcome() == ApprovalDecided.Outcome.APPROVED
          ? ReceptionStatus.Move.APPROVE
          : ReceptionStatus.Move.REJECT);
    }
  }

  @ApplicationModuleListener(id = "reception.approval-withdrawn")
  void onApprovalWithdrawn(ApprovalWithdrawn withdrawn) {
    if (APPROVAL_TYPE.equals(withdrawn.requestType())) {
      moveByApproval(withdrawn.requestId(), ReceptionStatus.Move.WITHDRAW);
    }
  }

  private void moveByApproval(long approvalId, ReceptionStatus.Move move) {
    jdbc.sql("select id from reception where approval_request_id = :approval for update")
        .param("approval", approvalId).query(Long.class).optional().map(this::load)
        .filter(reception -> reception.status().allows(move))
        .ifPresent(reception -> moveTo(reception, move, Map.of("approvalRequestId", approvalId)));
  }

  /** Cancels a reception not yet closed (the visit did not take place). */
  @Transactional
  public Reception cancel(long id, Integer expectedVersion, CurrentUser by) {
    Reception reception = lockForChange(id, expectedVersion, by);
    moveTo(reception, ReceptionStatus.Move.CANCEL, Map.of());
    return load(id);
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  /** The plan as it stands against the rules in force on the arrival day (they may have changed since it was saved). */
  void recheckPlan(Reception reception) {
    ReceptionRuleSet inForce = rules.inForce(reception.regionId(), reception.arrival());
    ReceptionRules.checkMeals(reception.plannedMeals(), reception.guests().size(), reception.arrival(),
        reception.departure(), inForce);
    for (Stay stay : reception.stays()) {
      RankGrade grade = reception.guests().stream().filter(g -> g.id() == stay.guestId()).findFirst()
          .map(Guest::grade).orElse(null);
      ReceptionRules.checkStay(new ReceptionRules.Stay(grade, stay.roomKind(), stay.nights(),
          stay.pricePerNightFen()), reception.arrival(), reception.departure(), inForce);
    }
  }

  static List<ReceptionRules.Meal> meals(List<MealLine> lines) {
    List<ReceptionRules.Meal> meals = new ArrayList<>();
    for (MealLine line : lines == null ? List.<MealLine>of() : lines) {
      if (line == null || line.date() == null || line.kind() == null || line.accompanying() == null
          || line.pricePerPersonFen() == null) {
        throw new BusinessRuleException("reception.rule.mealIncomplete");
      }
      meals.add(new ReceptionRules.Meal(line.date(), line.kind(), line.accompanying(), line.pricePerPersonFen()));
    }
    return meals;
  }

  void insertMeals(long receptionId, List<MealLine> lines) {
    for (MealLine meal : lines == null ? List.<MealLine>of() : lines) {
      jdbc.sql("""
          insert into reception_meal (reception_id, meal_date, kind, accompanying, price_per_person_fen, in_canteen)
          values (:reception, :date, :kind, :accompanying, :price, :canteen)""")
          .param("reception", receptionId).param("date", Date.valueOf(meal.date())).param("kind", meal.kind().name())
          .param("accompanying", meal.accompanying()).param("price", meal.pricePerPersonFen())
          .param("canteen", Boolean.TRUE.equals(meal.inCanteen())).update();
    }
  }

  private static void checkLength(String text, int max, String field) {
    if (text != null && text.strip().length() > max) {
      throw new BusinessRuleException("reception.tooLong", max);
    }
  }

  /** Today in Beijing, by the platform clock. */
  public LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  Instant now() {
    return clock.instant();
  }
}
