package cn.smartaffairs.workorder;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.calendar.WorkingCalendar;
import cn.smartaffairs.calendar.WorkingDays;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.ApiScope;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.workbench.TodoInbox;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工单: the closed loop for repairs, hotline calls and visit problems. Orders are created by staff, hotline agents
 * or other systems; every move is checked against the current state, timed, recorded in the order's history and
 * audited. Two people moving one order at once: the first wins, the second gets a conflict and nothing changes.
 */
@Service
public class WorkOrders {

  private static final String SELECT = """
      select w.*, c.code as category_code, c.name as category_name
        from work_order w join work_order_category c on c.id = w.category_id
      """;
  /** The work order list's columns that sort; the newest order first unless asked otherwise. */
  public static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("created", "w.id")
      .ascending("orderNo", "w.order_no")
      .ascending("category", "c.sort_order")
      .ascending("status", "w.status")
      .descending("receivedAt", "w.received_at")
      .ascending("resolveDueAt", "w.resolve_due_at")
      .byDefault("created").tieBreaker("w.id");
  private static final DateTimeFormatter ORDER_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final JdbcClient jdbc;
  private final WorkingCalendar calendar;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final TodoInbox inbox;
  private final ApplicationEventPublisher events;
  private final DutyRota dutyRota;
  private final Clock clock;

  public WorkOrders(JdbcClient jdbc, WorkingCalendar calendar, Accounts accounts, AuditTrail audit, TodoInbox inbox,
      ApplicationEventPublisher events, DutyRota dutyRota, Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.accounts = accounts;
    this.audit = audit;
    this.inbox = inbox;
    this.events = events;
    this.dutyRota = dutyRota;
    this.clock = clock;
  }

  /** Dispatchers (派单员) of a region: its admin and repair manager, the platform admin, or a hotline API key. */
  static boolean dispatches(CurrentUser user, long regionId) {
    if (user.isApiKey()) {
      return user.regionId() == regionId && user.apiScopes().contains(ApiScope.WORK_ORDERS_WRITE.scope());
    }
    return user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.REPAIR_MANAGER).permits(regionId, null, null);
  }

  /** The caller, if they dispatch in their own region; otherwise refused (the dispatch board, rota, statistics). */
  static CurrentUser requireDispatcher(CurrentUser user) {
    if (!dispatches(user, user.regionId())) {
      throw new ForbiddenException();
    }
    return user;
  }

  @Transactional
  public WorkOrder create(NewWorkOrder order, CurrentUser by) {
    return create(order, by, clock.instant());
  }

  /** Creates an order received at a given moment (the hotline's call time; tests of nights and holidays). */
  @Transactional
  WorkOrder create(NewWorkOrder order, CurrentUser by, Instant received) {
    var category = jdbc.sql("select id, code, kind from work_order_category where code = :code")
        .param("code", order.category() == null ? "" : order.category().trim()).query().listOfRows();
    if (category.isEmpty()) {
      throw new BusinessRuleException("workOrder.categoryUnknown", order.category());
    }
    WorkOrderPriority priority = order.priority() == null || order.priority().isBlank()
        ? WorkOrderPriority.NORMAL
        : WorkOrderPriority.parse(order.priority().trim());
    if (order.description() == null || order.description().isBlank() || order.description().length() > 2000) {
      throw new BusinessRuleException("workOrder.descriptionRequired");
    }
    long regionId = by.regionId();
    boolean agent = dispatches(by, regionId);
    Long requesterStaffId = agent ? order.requesterStaffId() : by.staffId();
    String requesterName = agent ? order.requesterName() : by.displayName();
    if (!agent && requesterStaffId == null) {
      throw new ForbiddenException();
    }
    if (requesterStaffId != null && agent) {
      requesterName = jdbc.sql("select name from org_person where id = :id and region_id = :region")
          .param("id", requesterStaffId).param("region", regionId).query(String.class).optional()
          .orElseThrow(() -> new BusinessRuleException("workOrder.requesterUnknown", order.requesterStaffId()));
    }
    if (requesterName == null || requesterName.isBlank()) {
      throw new BusinessRuleException("workOrder.requesterRequired");
    }
    String channel = order.channel() != null ? order.channel() : by.isApiKey() ? "API" : agent ? "HOTLINE" : "WEB";
    long categoryId = ((Number) category.get(0).get("id")).longValue();
    Deadlines deadlines = deadlines(regionId, categoryId, priority, received);
    String orderNo = "WO" + ORDER_DATE.format(received.atZone(PlatformConfiguration.ZONE)) + "-"
        + String.format("%06d", jdbc.sql("select nextval('work_order_no_seq')").query(Long.class).single());
    long id = jdbc.sql("""
        insert into work_order (region_id, order_no, category_id, priority, channel, description, building, floor, room,
                                requester_staff_id, requester_name, created_by, status, received_at, respond_due_at,
                                resolve_due_at)
        values (:region, :no, :category, :priority, :channel, :description, :building, :floor, :room, :requesterStaff,
                :requesterName, :createdBy, :status, :received, :respondDue, :resolveDue) returning id""")
        .param("region", regionId).param("no", orderNo).param("category", categoryId)
        .param("priority", priority.name()).param("status", WorkOrderStatus.RECEIVED.name())
        .param("channel", channel).param("description", order.description().trim())
        .param("building", blank(order.building())).param("floor", blank(order.floor()))
        .param("room", blank(order.room()))
        .param("requesterStaff", requesterStaffId).param("requesterName", requesterName.trim())
        .param("createdBy", by.isApiKey() ? null : by.userId())
        .param("received", Timestamp.from(received)).param("respondDue", Timestamp.from(deadlines.respond()))
        .param("resolveDue", Timestamp.from(deadlines.resolve()))
        .query(Long.class).single();
    recordStep(id, "CREATE", null, WorkOrderStatus.RECEIVED, by.username(), received, null);
    audit.record(AuditEntry.created("work_order", id, regionId, Map.of("orderNo", orderNo,
        "category", category.get(0).get("code"), "priority", priority.name(), "channel", channel,
        "requester", requesterName.trim())));
    events.publishEvent(new WorkOrderMoved(id, orderNo, regionId, "CREATE", null, WorkOrderStatus.RECEIVED, null,
        requesterStaffId, order.description().trim()));
    dispatchAutomatically(get(id, by), categoryId, (String) category.get(0).get("kind"), received);
    return get(id, by);
  }

  /** One order with its history, if the caller dispatches its region, handles it or asked for it. */
  public WorkOrder get(long id, CurrentUser viewer) {
    var parameters = visibility(viewer).addValue("id", id);
    WorkOrder order = jdbc.sql(SELECT + " where w.id = :id and " + VISIBLE).paramSource(parameters)
        .query(WorkOrders::order).optional()
        .orElseThrow(() -> new NotFoundException("workOrder", id));
    return order.withHistory(jdbc.sql("""
        select action, from_status, to_status, actor, occurred_at, note from work_order_event
         where work_order_id = :id order by id""")
        .param("id", id)
        .query((rs, n) -> new WorkOrder.Step(rs.getString("action"),
            rs.getString("from_status") == null ? null : WorkOrderStatus.valueOf(rs.getString("from_status")),
            WorkOrderStatus.valueOf(rs.getString("to_status")), rs.getString("actor"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("note")))
        .list());
  }

  /**
   * Which of the given orders the viewer may open, so that a page links only to those (another module's page that
   * names an order, such as an inspection finding turned into a repair).
   */
  public java.util.Set<Long> visibleAmong(java.util.Collection<Long> ids, CurrentUser viewer) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    var parameters = visibility(viewer).addValue("ids", ids.toArray(Long[]::new));
    return java.util.Set.copyOf(jdbc.sql("select w.id from work_order w where w.id = any(:ids) and " + VISIBLE)
        .paramSource(parameters).query(Long.class).list());
  }

  /** The categories a problem can be reported under, in the order the form lists them. */
  public List<WorkOrderCategory> categories() {
    return jdbc.sql("select code, name, kind from work_order_category order by sort_order, id")
        .query((rs, n) -> new WorkOrderCategory(rs.getString("code"), rs.getString("name"), rs.getString("kind")))
        .list();
  }

  /**
   * The moves that are the viewer's part of the loop now (see {@link WorkOrder#actionsFor}). The API also lets a
   * dispatcher act on the others' behalf; pages do not offer it.
   */
  public List<WorkOrderAction> actionsFor(WorkOrder order, CurrentUser viewer) {
    return order.actionsFor(WorkOrderActor.of(viewer, order.regionId()));
  }

  /** The accounts an order of the region can be dispatched to. */
  public List<Accounts.AccountName> workers(long regionId) {
    return accounts.holding(regionId, Role.REPAIR_WORKER);
  }

  /** One page of the orders the viewer may see, newest first, for the API: past the last page it answers no items. */
  public Page<WorkOrder> search(WorkOrderStatus status, CurrentUser viewer, int page, int size) {
    return search(status, new ListQuery(null, SORT_KEYS.defaultKey(), true, page, size, false), viewer);
  }

  /**
   * One page of the orders the viewer may see, the query's search in order numbers, descriptions, places and
   * requesters, in its order (newest first unless it asks otherwise).
   */
  public Page<WorkOrder> search(WorkOrderStatus status, ListQuery query, CurrentUser viewer) {
    var parameters = visibility(viewer).addValue("status", status == null ? null : status.name())
        .addValue("keyword", query.likePattern());
    String where = " where " + VISIBLE + " and (cast(:status as text) is null or w.status = :status)"
        + " and (cast(:keyword as text) is null or w.order_no ilike :keyword escape '\\'"
        + " or w.description ilike :keyword escape '\\' or w.requester_name ilike :keyword escape '\\'"
        + " or concat_ws(' ', w.building, w.floor, w.room) ilike :keyword escape '\\')";
    long total = jdbc.sql("select count(*) from work_order w" + where).paramSource(parameters).query(Long.class)
        .single();
    ListQuery shown = query.within(total);
    List<WorkOrder> items = jdbc.sql(SELECT + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query(WorkOrders::order).list();
    return shown.pageOf(items, total);
  }

  /** Moves an order; refuses (409) an action its state does not allow, or a move someone else made first. */
  @Transactional
  public WorkOrder move(long id, Transition transition, CurrentUser by) {
    WorkOrder order = get(id, by);
    WorkOrder.Move move = order.decide(transition, WorkOrderActor.of(by, order.regionId()));
    if (move.action() == WorkOrderAction.DISPATCH) {
      requireWorker(move.assignee(), order.regionId());
    }
    apply(order, move, transition, by.username(), clock.instant());
    if (move.reopensTheLoop()) {
      // 不满意且属承办人责任: the loop opens again with the same handler (RULES.md §7)
      return move(id, WorkOrder.REOPEN_AFTER_UNSATISFIED_VISIT, by);
    }
    return get(id, by);
  }

  /**
   * Saves a move the order decided: the state, its time, the history, the audit record, the to-do and the events.
   * The version guards against a move someone else saved first.
   */
  private void apply(WorkOrder order, WorkOrder.Move move, Transition transition, String actor, Instant now) {
    WorkOrderAction action = move.action();
    Long assignee = move.assignee();
    var update = new MapSqlParameterSource("id", order.id()).addValue("version", order.version())
        .addValue("status", move.to().name()).addValue("now", Timestamp.from(now));
    StringBuilder set = new StringBuilder("status = :status, version = version + 1");
    switch (action) {
      case DISPATCH -> {
        set.append(", assignee_user_id = :assignee, dispatched_at = :now");
        update.addValue("assignee", assignee);
      }
      case ACCEPT -> set.append(", accepted_at = :now");
      case ARRIVE -> set.append(", arrived_at = :now");
      case RESOLVE -> set.append(", resolved_at = :now");
      case CONFIRM -> set.append(", confirmed_at = :now");
      case VISIT -> {
        set.append(", visited_at = :now, satisfaction = :satisfaction, visit_comment = :comment");
        update.addValue("satisfaction", transition.satisfaction().name()).addValue("comment",
            blank(transition.comment()));
      }
      case REOPEN ->
        set.append(", reopen_count = reopen_count + 1, resolved_at = null, confirmed_at = null, visited_at = null");
      case CLOSE -> set.append(", closed_at = :now");
    }
    int changed = jdbc.sql("update work_order set " + set + " where id = :id and version = :version")
        .paramSource(update).update();
    if (changed == 0) {
      throw new ConflictException("workOrder.changedMeanwhile", order.orderNo());
    }
    recordStep(order.id(), action.name(), move.from(), move.to(), actor, now, blank(transition.comment()));
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", move.to());
    after.put("assigneeUserId", assignee);
    if (transition.satisfaction() != null) {
      after.put("satisfaction", transition.satisfaction());
    }
    audit.recordAs(actor, List.of(new AuditEntry(action.name(), "work_order", order.id(), order.regionId(),
        Map.of("status", move.from(), "assigneeUserId", String.valueOf(order.assigneeUserId())), after)));
    events.publishEvent(new WorkOrderMoved(order.id(), order.orderNo(), order.regionId(), action.name(), move.from(),
        move.to(), assignee, order.requesterStaffId(), order.description()));
    if (action == WorkOrderAction.CLOSE) {
      events.publishEvent(new WorkOrderClosed(order.id(), order.orderNo(), order.regionId(), order.categoryCode(),
          order.requesterStaffId(), assignee, order.satisfaction() == null ? null : order.satisfaction().name(), now));
    }
    String link = "/work-orders/" + order.id();
    if (action == WorkOrderAction.DISPATCH || action == WorkOrderAction.REOPEN) {
      inbox.doneForLink(link);
      inbox.add(assignee, "workorder", "工单 " + order.orderNo() + "：" + abbreviate(order.description()), link,
          order.resolveDueAt());
    } else if (action == WorkOrderAction.RESOLVE || action == WorkOrderAction.CLOSE) {
      inbox.doneForLink(link);
    }
  }

  /**
   * 自动派单: in office hours by the region's dispatch rule for the category (and building); at night, at weekends
   * and on holidays to whoever is on duty for the kind of order. Without either, the order waits for a dispatcher.
   */
  private void dispatchAutomatically(WorkOrder order, long categoryId, String kind, Instant at) {
    boolean officeTime = calendar.forRegion(order.regionId()).isOfficeTime(at.atZone(PlatformConfiguration.ZONE));
    var handler = officeTime
        ? jdbc.sql("""
            select user_id from dispatch_rule where region_id = :region and category_id = :category
               and (building is null or building = :building) order by building nulls last limit 1""")
            .param("region", order.regionId()).param("category", categoryId)
            .param("building", order.building() == null ? "" : order.building())
            .query(Long.class).optional()
        : dutyRota.onDuty(order.regionId(), kind, at);
    handler.ifPresent(userId -> apply(order, order.dispatchAutomaticallyTo(userId),
        new Transition("dispatch", userId, null, null, officeTime ? "按派单规则自动派单" : "值班自动派单", null),
        "system", at));
  }

  /** The order's deadlines from the rule in force for its region, category and priority on the day received. */
  Deadlines deadlines(long regionId, long categoryId, WorkOrderPriority priority, Instant received) {
    var rule = jdbc.sql("""
        select respond_minutes, resolve_working_days from work_order_deadline_rule
         where category_id = :category and priority = :priority and effective_from <= :day
           and (region_id is null or region_id = :region)
         order by region_id nulls last, effective_from desc limit 1""")
        .param("category", categoryId).param("priority", priority.name()).param("region", regionId)
        .param("day", java.sql.Date.valueOf(LocalDate.ofInstant(received, PlatformConfiguration.ZONE)))
        .query().singleRow();
    WorkingDays days = calendar.forRegion(regionId);
    ZonedDateTime at = received.atZone(PlatformConfiguration.ZONE);
    Duration respond = Duration.ofMinutes(((Number) rule.get("respond_minutes")).longValue());
    // urgent orders are answered around the clock by whoever is on duty; the others within office hours
    Instant respondDue = priority.answeredAroundTheClock()
        ? received.plus(respond)
        : days.plusWorkingTime(at, respond).toInstant();
    Instant resolveDue = days.closeOfWorkingDays(at, ((Number) rule.get("resolve_working_days")).intValue())
        .toInstant();
    return new Deadlines(respondDue, resolveDue);
  }

  /** When an order must be answered and when it must be resolved. */
  record Deadlines(Instant respond, Instant resolve) {}

  /** The worker an order is dispatched to is an enabled repair worker or manager of the order's region. */
  private void requireWorker(long userId, long regionId) {
    accounts.findById(userId)
        .filter(user -> user.regionId() == regionId && user.isEnabled())
        .filter(user -> user.hasAny(Role.REPAIR_WORKER, Role.REPAIR_MANAGER))
        .orElseThrow(() -> new BusinessRuleException("workOrder.assigneeUnknown", userId));
  }

  private void recordStep(long id, String action, WorkOrderStatus from, WorkOrderStatus to, String actor, Instant at,
      String note) {
    jdbc.sql("""
        insert into work_order_event (work_order_id, action, from_status, to_status, actor, occurred_at, note)
        values (:id, :action, :from, :to, :actor, :at, :note)""")
        .param("id", id).param("action", action).param("from", from == null ? null : from.name())
        .param("to", to.name()).param("actor", actor).param("at", Timestamp.from(at)).param("note", note)
        .update();
  }

  /** Who sees an order: its region's dispatchers, its handler and its requester. */
  private static final String VISIBLE = "(" + DataScope.sqlCondition("w.region_id", null, null)
      + " or w.assignee_user_id = :me or w.requester_staff_id = :myStaff)";

  private static MapSqlParameterSource visibility(CurrentUser viewer) {
    DataScope dispatchScope = viewer.isApiKey()
        ? (viewer.apiScopes().contains(ApiScope.WORK_ORDERS_READ.scope())
            || viewer.apiScopes().contains(ApiScope.WORK_ORDERS_WRITE.scope())
                ? DataScope.region(viewer.regionId())
                : DataScope.NOTHING)
        : viewer.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.REPAIR_MANAGER);
    return dispatchScope.bind(new MapSqlParameterSource())
        .addValue("me", viewer.userId())
        .addValue("myStaff", viewer.staffId() == null ? -1L : viewer.staffId());
  }

  private static WorkOrder order(ResultSet rs, int rowNum) throws SQLException {
    Timestamp closed = rs.getTimestamp("closed_at");
    return new WorkOrder(rs.getLong("id"), rs.getString("order_no"), rs.getLong("region_id"),
        rs.getString("category_code"), rs.getString("category_name"), rs.getString("priority"), rs.getString("channel"),
        rs.getString("description"), rs.getString("building"), rs.getString("floor"), rs.getString("room"),
        (Long) rs.getObject("requester_staff_id"), rs.getString("requester_name"),
        WorkOrderStatus.valueOf(rs.getString("status")), (Long) rs.getObject("assignee_user_id"),
        rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("respond_due_at").toInstant(),
        rs.getTimestamp("resolve_due_at").toInstant(), closed == null ? null : closed.toInstant(),
        rs.getString("satisfaction") == null ? null : Satisfaction.valueOf(rs.getString("satisfaction")),
        rs.getInt("reopen_count"), rs.getInt("version"), List.of());
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "…";
  }
}
