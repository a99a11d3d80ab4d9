package cn.smartaffairs.organisation;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.crypto.FieldCipher;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 干部职工名册: the staff register, always read and written within the caller's data scope. */
@Service
public class StaffDirectory {

  private static final String SELECT = """
      select s.*, r.name as region_name, u.name as unit_name, d.name as department_name, k.name as rank_name
        from staff s
        join region r on r.id = s.region_id
        join unit u on u.id = s.unit_id
        join staff_rank k on k.code = s.rank_code
        left join department d on d.id = s.department_id
      """;

  /** The staff list's columns that sort; by unit (then staff number) unless asked otherwise. */
  public static final SortKeys SORT_KEYS = SortKeys.builder()
      .ascending("staffNo", "s.staff_no")
      .ascending("name", SortKeys.pinyin("s.name"))
      .ascending("unit", "s.unit_id", "s.staff_no")
      .ascending("department", SortKeys.pinyin("d.name"))
      .ascending("postTitle", SortKeys.pinyin("s.post_title"))
      .ascending("rank", "k.sort_order")
      .ascending("status", "s.status")
      .byDefault("unit").tieBreaker("s.id");

  private final JdbcClient jdbc;
  private final JdbcTemplate batch;
  private final FieldCipher cipher;
  private final AuditTrail audit;
  private final OrganisationDirectory organisation;

  public StaffDirectory(JdbcClient jdbc, JdbcTemplate batch, FieldCipher cipher, AuditTrail audit,
      OrganisationDirectory organisation) {
    this.jdbc = jdbc;
    this.batch = batch;
    this.cipher = cipher;
    this.audit = audit;
    this.organisation = organisation;
  }

  public Page<StaffMember> search(StaffQuery query, DataScope scope, int page, int size) {
    return search(query, new ListQuery(null, SORT_KEYS.defaultKey(), false, page, size, false), scope);
  }

  /** One page of the matches in the list's order; the filters' keyword is the search text. */
  public Page<StaffMember> search(StaffQuery query, ListQuery list, DataScope scope) {
    var parameters = bind(query, scope);
    String where = where();
    long total = jdbc.sql("select count(*) from staff s" + where).paramSource(parameters).query(Long.class).single();
    ListQuery shown = list.within(total);
    List<StaffMember> items = jdbc.sql(SELECT + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query(this::member).list();
    return shown.pageOf(items, total);
  }

  /** Streams every match to the consumer, for exports of any size. */
  public void forEach(StaffQuery query, DataScope scope, Consumer<StaffMember> consumer) {
    jdbc.sql(SELECT + where() + " order by s.unit_id, s.staff_no").paramSource(bind(query, scope))
        .query(this::member).stream().forEach(consumer);
  }

  /**
   * Streams every match with its mobile number in full where the edit scope covers the person (those who administer
   * them see it in full anyway), null elsewhere: for the export that has to import back. In the order of the list's
   * query, at most {@link ListQuery#EXPORT_LIMIT} people.
   */
  public void forEachWithMobile(StaffQuery query, ListQuery list, DataScope readScope, DataScope editScope,
      java.util.function.BiConsumer<StaffMember, String> consumer) {
    ListQuery export = list.forExport();
    jdbc.sql(SELECT + where() + SORT_KEYS.orderBy(export) + " limit :limit").paramSource(bind(query, readScope)
        .addValue("limit", export.size()))
        .query((rs, n) -> {
          StaffMember member = member(rs, n);
          String mobile = editScope.permits(member.regionId(), member.unitId(), null)
              ? cipher.decrypt(rs.getString("mobile_cipher"))
              : null;
          return Map.entry(member, java.util.Optional.ofNullable(mobile));
        })
        .stream().forEach(entry -> consumer.accept(entry.getKey(), entry.getValue().orElse(null)));
  }

  public StaffMember get(long id, DataScope scope) {
    return jdbc.sql(SELECT + " where s.id = :id and " + DataScope.sqlCondition("s.region_id", "s.unit_id", "s.id"))
        .paramSource(scope.bind(new MapSqlParameterSource("id", id)))
        .query(this::member).optional()
        .orElseThrow(() -> new NotFoundException("staff", id));
  }

  /** The clear mobile number, for the person themself and those who administer them. */
  public String mobileOf(long id, DataScope scope) {
    get(id, scope);
    String stored = jdbc.sql("select mobile_cipher from staff where id = :id").param("id", id).query(String.class)
        .single();
    return cipher.decrypt(stored);
  }

  @Transactional
  public long create(StaffDraft draft, DataScope scope) {
    Unit unit = organisation.unit(draft.unitId(), scope);
    requireEditable(unit, scope);
    check(draft, unit);
    if (staffNoTaken(unit.regionId(), draft.staffNo(), null)) {
      throw new BusinessRuleException("staff.staffNoTaken", draft.staffNo());
    }
    return insertAll(List.of(new Placed(draft, unit.regionId()))).get(0);
  }

  @Transactional
  public void update(long id, StaffDraft draft, DataScope scope) {
    StaffMember before = get(id, scope);
    Unit unit = organisation.unit(draft.unitId(), scope);
    requireEditable(unit, scope);
    check(draft, unit);
    if (staffNoTaken(unit.regionId(), draft.staffNo(), id)) {
      throw new BusinessRuleException("staff.staffNoTaken", draft.staffNo());
    }
    String mobile = MobileNumber.normalise(draft.mobile());
    jdbc.sql("""
        update staff set region_id = :region, unit_id = :unit, department_id = :department, staff_no = :staffNo,
               name = :name, gender = :gender, post_title = :postTitle, rank_code = :rank,
               within_establishment = :within, mobile_cipher = :mobile, status = :status,
               joined_on = :joinedOn, status_changed_on = :changedOn
         where id = :id""")
        .paramSource(parameters(draft, unit.regionId(), mobile).addValue("id", id))
        .update();
    audit.record(AuditEntry.updated("staff", id, unit.regionId(), before, get(id, scope)));
  }

  /** Inserts checked drafts in one batch (imports, demo data), auditing each row. */
  @Transactional
  public List<Long> insertAll(List<Placed> rows) {
    List<Long> ids = new ArrayList<>(rows.size());
    List<AuditEntry> entries = new ArrayList<>(rows.size());
    int chunk = 1000;
    for (int start = 0; start < rows.size(); start += chunk) {
      List<Placed> slice = rows.subList(start, Math.min(rows.size(), start + chunk));
      var values = new StringBuilder();
      List<Object> arguments = new ArrayList<>();
      for (Placed row : slice) {
        StaffDraft d = row.draft();
        values.append(values.isEmpty() ? "" : ",").append("(?,?,?,?,?,?,?,?,?,?,?,?,?)");
        String mobile = MobileNumber.normalise(d.mobile());
        arguments.addAll(java.util.Arrays.asList(row.regionId(), d.unitId(), d.departmentId(), d.staffNo().trim(),
            d.name().trim(), blankToNull(d.gender()), blankToNull(d.postTitle()), d.rankCode(), d.withinEstablishment(),
            cipher.encrypt(mobile), d.status().name(), date(d.joinedOn()), date(d.statusChangedOn())));
      }
      List<Long> sliceIds = batch.queryForList("""
          insert into staff (region_id, unit_id, department_id, staff_no, name, gender, post_title, rank_code,
                             within_establishment, mobile_cipher, status, joined_on, status_changed_on)
          values """ + values + " returning id", Long.class, arguments.toArray());
      for (int i = 0; i < slice.size(); i++) {
        ids.add(sliceIds.get(i));
        entries.add(
            AuditEntry.created("staff", sliceIds.get(i), slice.get(i).regionId(), auditState(slice.get(i).draft())));
      }
    }
    audit.recordAll(entries);
    return ids;
  }

  /** The ids of the staff a scope may change, by "region id/工号" (what an update import names them by). */
  public Map<String, Long> editableStaffNumbers(DataScope editScope) {
    Map<String, Long> ids = new java.util.HashMap<>();
    jdbc.sql("select id, region_id, staff_no from staff s where "
        + DataScope.sqlCondition("s.region_id", "s.unit_id", null))
        .paramSource(editScope.bind(new MapSqlParameterSource()))
        .query((rs, n) -> Map.entry(rs.getLong("region_id") + "/" + rs.getString("staff_no"), rs.getLong("id")))
        .list().forEach(entry -> ids.put(entry.getKey(), entry.getValue()));
    return ids;
  }

  /** A draft together with the region of its unit. */
  public record Placed(StaffDraft draft, long regionId) {}

  public boolean staffNoTaken(long regionId, String staffNo, Long exceptId) {
    return jdbc.sql("select count(*) from staff where region_id = :r and staff_no = :no and id <> :except")
        .param("r", regionId).param("no", staffNo.trim()).param("except", exceptId == null ? -1L : exceptId)
        .query(Long.class).single() > 0;
  }

  /** Who keeps the staff register: the platform admin, a region's admin, and a unit's liaison for that unit. */
  public static DataScope editScope(CurrentUser user) {
    return user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.UNIT_LIAISON);
  }

  /** Reading a unit is not enough to change its people: a person with only their own scope may not. */
  static void requireEditable(Unit unit, DataScope scope) {
    if (!(scope.all() || scope.regionIds().contains(unit.regionId()) || scope.unitIds().contains(unit.id()))) {
      throw new ForbiddenException();
    }
  }

  private void check(StaffDraft draft, Unit unit) {
    if (draft.departmentId() != null
        && organisation.departments(unit.id()).stream().noneMatch(d -> d.id() == draft.departmentId())) {
      throw new BusinessRuleException("staff.departmentNotInUnit");
    }
    if (organisation.ranks().stream().noneMatch(rank -> rank.code().equals(draft.rankCode()))) {
      throw new BusinessRuleException("staff.rankUnknown", draft.rankCode());
    }
    String mobile = MobileNumber.normalise(draft.mobile());
    if (mobile != null && !MobileNumber.isValid(mobile)) {
      throw new BusinessRuleException("staff.mobileInvalid", draft.mobile());
    }
    if (draft.status() != StaffStatus.ACTIVE && draft.statusChangedOn() == null) {
      throw new BusinessRuleException("staff.statusDateRequired");
    }
  }

  private MapSqlParameterSource parameters(StaffDraft d, long regionId, String mobile) {
    return new MapSqlParameterSource()
        .addValue("region", regionId).addValue("unit", d.unitId()).addValue("department", d.departmentId())
        .addValue("staffNo", d.staffNo().trim()).addValue("name", d.name().trim())
        .addValue("gender", blankToNull(d.gender())).addValue("postTitle", blankToNull(d.postTitle()))
        .addValue("rank", d.rankCode()).addValue("within", d.withinEstablishment())
        .addValue("mobile", cipher.encrypt(mobile)).addValue("status", d.status().name())
        .addValue("joinedOn", date(d.joinedOn())).addValue("changedOn", date(d.statusChangedOn()));
  }

  private static Map<String, Object> auditState(StaffDraft d) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("staffNo", d.staffNo());
    state.put("name", d.name());
    state.put("unitId", d.unitId());
    state.put("departmentId", d.departmentId());
    state.put("rankCode", d.rankCode());
    state.put("postTitle", d.postTitle());
    state.put("withinEstablishment", d.withinEstablishment());
    state.put("mobile", MobileNumber.mask(MobileNumber.normalise(d.mobile())));
    state.put("status", d.status());
    return state;
  }

  private static String where() {
    return """
         where %s
           and (cast(:keyword as text) is null or s.name like :keyword or s.staff_no like :keyword)
           and (cast(:region as bigint) is null or s.region_id = :region)
           and (cast(:unit as bigint) is null or s.unit_id = :unit)
           and (cast(:status as text) is null or s.status = :status)
        """.formatted(DataScope.sqlCondition("s.region_id", "s.unit_id", "s.id"));
  }

  private static MapSqlParameterSource bind(StaffQuery query, DataScope scope) {
    String keyword = query.keyword() == null || query.keyword().isBlank() ? null : "%" + query.keyword().trim() + "%";
    return scope.bind(new MapSqlParameterSource())
        .addValue("keyword", keyword)
        .addValue("region", query.regionId())
        .addValue("unit", query.unitId())
        .addValue("status", query.status() == null ? null : query.status().name());
  }

  private StaffMember member(ResultSet rs, int rowNum) throws SQLException {
    Date joined = rs.getDate("joined_on");
    Date changed = rs.getDate("status_changed_on");
    return new StaffMember(rs.getLong("id"), rs.getString("staff_no"), rs.getString("name"), rs.getString("gender"),
        rs.getLong("region_id"), rs.getString("region_name"), rs.getLong("unit_id"), rs.getString("unit_name"),
        (Long) rs.getObject("department_id"), rs.getString("department_name"), rs.getString("post_title"),
        rs.getString("rank_code"), rs.getString("rank_name"), rs.getBoolean("within_establishment"),
        MobileNumber.mask(cipher.decrypt(rs.getString("mobile_cipher"))), StaffStatus.valueOf(rs.getString("status")),
        joined == null ? null : joined.toLocalDate(), changed == null ? null : changed.toLocalDate());
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }

  private static Date date(java.time.LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
