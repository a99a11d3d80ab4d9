package cn.smartaffairs.space.estate;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.space.Room;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.estate.EstateRecords.Campaign;
import cn.smartaffairs.space.estate.EstateRecords.CheckAnswer;
import cn.smartaffairs.space.estate.EstateRecords.ChecklistItem;
import cn.smartaffairs.space.estate.EstateRecords.FileContent;
import cn.smartaffairs.space.estate.EstateRecords.Finding;
import cn.smartaffairs.space.estate.EstateRecords.NewCampaign;
import cn.smartaffairs.space.estate.EstateRecords.NewFinding;
import cn.smartaffairs.space.estate.EstateRecords.Photo;
import cn.smartaffairs.workbench.TodoInbox;
import cn.smartaffairs.workorder.NewWorkOrder;
import cn.smartaffairs.workorder.WorkOrder;
import cn.smartaffairs.workorder.WorkOrderPhotos;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 清理整改: the space manager runs a campaign with its own checklist, goes through each unit's space, records
 * findings with photos and a deadline; the unit rectifies and the manager confirms. A finding that needs a repair
 * becomes a work order (with its photos), and the finding remembers which.
 */
@Service
public class Inspections {

  static final int MAX_PHOTOS = 5;
  static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;
  private static final String FINDING_SELECT = """
      select f.*, c.title as campaign_title, c.region_id, u.name as unit_name,
             (select count(*) from space_inspection_photo p where p.finding_id = f.id) as photo_count
        from space_inspection_finding f join space_inspection_campaign c on c.id = f.campaign_id
        join org_unit u on u.id = f.unit_id
      """;

  private final JdbcClient jdbc;
  private final SpaceRegister register;
  private final WorkOrderPhotos workOrderPhotos;
  private final TodoInbox inbox;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final Clock clock;

  public Inspections(JdbcClient jdbc, SpaceRegister register, WorkOrderPhotos workOrderPhotos, TodoInbox inbox,
      Accounts accounts, AuditTrail audit, Clock clock) {
    this.accounts = accounts;
    this.jdbc = jdbc;
    this.register = register;
    this.workOrderPhotos = workOrderPhotos;
    this.inbox = inbox;
    this.audit = audit;
    this.clock = clock;
  }

  static long requireManagerOfOwnRegion(CurrentUser user) {
    if (!SpaceRegister.editScope(user).permits(user.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    return user.regionId();
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  // ---- campaigns and checklists

  @Transactional
  public Campaign createCampaign(NewCampaign campaign, CurrentUser by) {
    long regionId = requireManagerOfOwnRegion(by);
    if (campaign.title() == null || campaign.title().isBlank() || campaign.title().strip().length() > 100) {
      throw new BusinessRuleException("space.estate.campaignTitleRequired");
    }
    if (campaign.startsOn() == null || campaign.endsOn() == null || campaign.endsOn().isBefore(campaign.startsOn())) {
      throw new BusinessRuleException("space.estate.campaignDatesInvalid");
    }
    List<String> items = campaign.items() == null
        ? List.of()
        : campaign.items().stream().filter(item -> item != null && !item.isBlank()).map(String::strip).toList();
    if (items.isEmpty() || items.size() > 50 || items.stream().anyMatch(item -> item.length() > 200)) {
      throw new BusinessRuleException("space.estate.checklistRequired");
    }
    String title = campaign.title().strip();
    if (jdbc.sql("select count(*) from space_inspection_campaign where region_id = :region and title = :title")
        .param("region", regionId).param("title", title).query(Long.class).single() > 0) {
      throw new BusinessRuleException("space.estate.campaignExists", title);
    }
    long id = jdbc.sql("""
        insert into space_inspection_campaign (region_id, title, starts_on, ends_on, created_by, created_at)
        values (:region, :title, :starts, :ends, :by, :now) returning id""")
        .param("region", regionId).param("title", title).param("starts", Date.valueOf(campaign.startsOn()))
        .param("ends", Date.valueOf(campaign.endsOn())).param("by", by.username())
        .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    for (int i = 0; i < items.size(); i++) {
      jdbc.sql("insert into space_inspection_item (campaign_id, sort_order, text) values (:campaign, :order, :text)")
          .param("campaign", id).param("order", (i + 1) * 10).param("text", items.get(i)).update();
    }
    audit.record(AuditEntry.created("space_inspection_campaign", id, regionId, Map.of("title", title,
        "startsOn", campaign.startsOn().toString(), "endsOn", campaign.endsOn().toString(), "items", items)));
    return campaign(id, by);
  }

  public List<Campaign> campaigns(CurrentUser viewer) {
    return withItems(jdbc.sql("""
        select c.*, (select count(*) from space_inspection_finding f where f.campaign_id = c.id) as findings,
               (select count(*) from space_inspection_finding f where f.campaign_id = c.id and f.status <> 'CONFIRMED')
                 as open_findings
          from space_inspection_campaign c where """ + campaignScope() + " order by c.starts_on desc, c.id desc")
        .paramSource(viewerScope(viewer).bind(new MapSqlParameterSource()))
        .query(Inspections::mapCampaign).list());
  }

  public Campaign campaign(long id, CurrentUser viewer) {
    return campaigns(viewer).stream().filter(c -> c.id() == id).findFirst()
        .orElseThrow(() -> new NotFoundException("campaign", id));
  }

  /** A unit may see a campaign once it has findings there; the region's managers see all of theirs. */
  private static String campaignScope() {
    return "(" + DataScope.sqlCondition("c.region_id", null, null)
        + " or exists (select 1 from space_inspection_finding"
        + " uf where uf.campaign_id = c.id and uf.unit_id = any(:scopeUnits)))";
  }

  /** Closes a campaign (活动结束): no more checks or findings; open findings stay to be rectified and confirmed. */
  @Transactional
  public Campaign closeCampaign(long campaignId, CurrentUser by) {
    Campaign campaign = openCampaign(campaignId, by);
    if (!SpaceRegister.editScope(by).permits(campaign.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    jdbc.sql("update space_inspection_campaign set status = 'CLOSED' where id = :id and status = 'OPEN'")
        .param("id", campaignId).update();
    audit.record(AuditEntry.updated("space_inspection_campaign", campaignId, campaign.regionId(),
        Map.of("status", CampaignStatus.OPEN.name()), Map.of("status", CampaignStatus.CLOSED.name())));
    return campaign(campaignId, by);
  }

  /** Records a unit's answers to the checklist (合格 / 不合格); answering an item again replaces the answer. */
  @Transactional
  public List<CheckAnswer> recordChecklist(long campaignId, long unitId, Map<Long, String> results, CurrentUser by) {
    requireManagerOfOwnRegion(by);
    Campaign campaign = openCampaign(campaignId, by);
    requireUnitOfRegion(unitId, campaign.regionId());
    for (var answer : results.entrySet()) {
      if (campaign.items().stream().noneMatch(item -> item.id() == answer.getKey())) {
        throw new BusinessRuleException("space.estate.itemUnknown", answer.getKey());
      }
      CheckResult result = CheckResult.parse(answer.getValue());
      jdbc.sql("""
          insert into space_inspection_check (campaign_id, unit_id, item_id, result, checked_by, checked_at)
          values (:campaign, :unit, :item, :result, :by, :now)
          on conflict (campaign_id, unit_id, item_id)
          do update set result = excluded.result, checked_by = excluded.checked_by, checked_at = excluded.checked_at""")
          .param("campaign", campaignId).param("unit", unitId).param("item", answer.getKey())
          .param("result", result.name()).param("by", by.username()).param("now", Timestamp.from(clock.instant()))
          .update();
    }
    audit.record(AuditEntry.updated("space_inspection_check", campaignId + ":" + unitId, campaign.regionId(), null,
        new LinkedHashMap<>(results)));
    return checklist(campaignId, by).stream().filter(answer -> answer.unitId() == unitId).toList();
  }

  /** Every answer recorded in a campaign, by unit. */
  public List<CheckAnswer> checklist(long campaignId, CurrentUser viewer) {
    campaign(campaignId, viewer);
    return jdbc.sql("""
        select k.unit_id, u.name as unit_name, k.item_id, k.result, k.checked_by from space_inspection_check k
          join org_unit u on u.id = k.unit_id join space_inspection_item i on i.id = k.item_id
         where k.campaign_id = :campaign and """ + DataScope.sqlCondition("u.region_id", "k.unit_id", null)
        + " order by u.name, i.sort_order")
        .paramSource(viewerScope(viewer).bind(new MapSqlParameterSource("campaign", campaignId)))
        .query((rs, n) -> new CheckAnswer(rs.getLong("unit_id"), rs.getString("unit_name"), rs.getLong("item_id"),
            CheckResult.valueOf(rs.getString("result")), rs.getString("checked_by")))
        .list();
  }

  /** The units of the campaign's region, for the checklist form. */
  public List<Map<String, Object>> unitsOf(long campaignId, CurrentUser viewer) {
    Campaign campaign = campaign(campaignId, viewer);
    return jdbc.sql("select id, name from org_unit where region_id = :region order by name")
        .param("region", campaign.regionId()).query().listOfRows();
  }

  // ---- findings

  /** Records a finding with its photos in one transaction; the unit's liaisons and head get a to-do. */
  @Transactional
  public Finding addFinding(NewFinding finding, List<Upload> photos, CurrentUser by) {
    requireManagerOfOwnRegion(by);
    Campaign campaign = openCampaign(finding.campaignId(), by);
    requireUnitOfRegion(finding.unitId(), campaign.regionId());
    if (finding.description() == null || finding.description().isBlank() || finding.description().length() > 1000) {
      throw new BusinessRuleException("space.estate.descriptionRequired");
    }
    if (finding.deadline() == null || finding.deadline().isBefore(today())) {
      throw new BusinessRuleException("space.estate.deadlineInvalid");
    }
    if (finding.itemId() != null && campaign.items().stream().noneMatch(item -> item.id() == finding.itemId())) {
      throw new BusinessRuleException("space.estate.itemUnknown", finding.itemId());
    }
    String location = finding.location() == null || finding.location().isBlank() ? null : finding.location().strip();
    if (finding.roomId() != null) {
      Room room = register.room(finding.roomId(), by);
      location = location != null ? location : room.buildingName() + " " + room.floorName() + " " + room.number();
    }
    if (location != null && location.length() > 200) {
      throw new BusinessRuleException("space.estate.locationTooLong");
    }
    long id = jdbc.sql("""
        insert into space_inspection_finding (campaign_id, unit_id, item_id, room_id, location, description, deadline,
                                              created_by, created_at)
        values (:campaign, :unit, :item, :room, :location, :description, :deadline, :by, :now) returning id""")
        .param("campaign", campaign.id()).param("unit", finding.unitId()).param("item", finding.itemId())
        .param("room", finding.roomId()).param("location", location).param("description", finding.description().strip())
        .param("deadline", Date.valueOf(finding.deadline())).param("by", by.username())
        .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    audit.record(AuditEntry.created("space_inspection_finding", id, campaign.regionId(), Map.of(
        "campaignId", campaign.id(), "unitId", finding.unitId(), "description", finding.description().strip(),
        "deadline", finding.deadline().toString())));
    List<Upload> chosen = photos == null ? List.of() : photos.stream().filter(p -> p.data().length > 0).toList();
    if (chosen.size() > MAX_PHOTOS) {
      throw new BusinessRuleException("space.estate.tooManyPhotos", MAX_PHOTOS);
    }
    chosen.forEach(photo -> attachPhoto(id, photo.fileName(), photo.data(), by));
    String title = "整改：" + campaign.title() + " — " + abbreviate(finding.description().strip(), 40) + "（"
        + finding.deadline() + " 前）";
    for (long userId : unitKeepers(campaign.regionId(), finding.unitId())) {
      inbox.add(userId, "space", title, "/space/inspections/findings/" + id,
          finding.deadline().plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant());
    }
    return finding(id, by);
  }

  /** A photo as uploaded. */
  public record Upload(String fileName, byte[] data) {}

  @Transactional
  public long attachPhoto(long findingId, String fileName, byte[] data, CurrentUser by) {
    Finding finding = finding(findingId, by);
    if (data == null || data.length == 0) {
      throw new BusinessRuleException("photo.empty");
    }
    if (data.length > MAX_PHOTO_BYTES) {
      throw new BusinessRuleException("photo.tooLarge", MAX_PHOTO_BYTES / 1024 / 1024);
    }
    String type = FileTypes.image(data);
    if (type == null) {
      throw new BusinessRuleException("photo.notAnImage");
    }
    if (finding.photos() >= MAX_PHOTOS) {
      throw new BusinessRuleException("space.estate.tooManyPhotos", MAX_PHOTOS);
    }
    String name = FileTypes.fileName(fileName, "photo");
    long id = jdbc
        .sql(
            """
                insert into space_inspection_photo (finding_id, content_type, file_name, size_bytes, data, uploaded_by, uploaded_at)
                values (:finding, :type, :name, :size, :data, :by, :now) returning id""")
        .param("finding", findingId).param("type", type).param("name", name).param("size", data.length)
        .param("data", data).param("by", by.username()).param("now", Timestamp.from(clock.instant()))
        .query(Long.class).single();
    audit.record(AuditEntry.created("space_inspection_photo", id, finding.regionId(),
        Map.of("findingId", findingId, "fileName", name, "contentType", type, "sizeBytes", data.length)));
    return id;
  }

  public List<Photo> photos(long findingId, CurrentUser viewer) {
    finding(findingId, viewer);
    return jdbc.sql("""
        select id, content_type, file_name, size_bytes, uploaded_by, uploaded_at from space_inspection_photo
         where finding_id = :id order by id""")
        .param("id", findingId)
        .query((rs, n) -> new Photo(rs.getLong("id"), rs.getString("content_type"), rs.getString("file_name"),
            rs.getInt("size_bytes"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }

  public FileContent photoContent(long findingId, long photoId, CurrentUser viewer) {
    finding(findingId, viewer);
    return jdbc
        .sql("select content_type, file_name, data from space_inspection_photo where id = :id and finding_id = :f")
        .param("id", photoId).param("f", findingId)
        .query((rs, n) -> new FileContent(rs.getString("content_type"), rs.getString("file_name"), rs.getBytes("data")))
        .optional().orElseThrow(() -> new NotFoundException("photo", photoId));
  }

  public Finding finding(long id, CurrentUser viewer) {
    return jdbc.sql(FINDING_SELECT + " where f.id = :id and "
        + DataScope.sqlCondition("c.region_id", "f.unit_id", null))
        .paramSource(viewerScope(viewer).bind(new MapSqlParameterSource("id", id)))
        .query(Inspections::mapFinding).optional().orElseThrow(() -> new NotFoundException("finding", id));
  }

  public List<Finding> findings(long campaignId, CurrentUser viewer) {
    campaign(campaignId, viewer);
    return jdbc.sql(FINDING_SELECT + " where f.campaign_id = :campaign and "
        + DataScope.sqlCondition("c.region_id", "f.unit_id", null) + " order by u.name, f.deadline, f.id")
        .paramSource(viewerScope(viewer).bind(new MapSqlParameterSource("campaign", campaignId)))
        .query(Inspections::mapFinding).list();
  }

  /** The unit reports the finding put right (已整改); its head or liaison, or a manager on its behalf. */
  @Transactional
  public Finding rectify(long findingId, String note, int expectedVersion, CurrentUser by) {
    Finding finding = finding(findingId, by);
    boolean unitKeeper = by.dataScope().unitIds().contains(finding.unitId());
    if (!unitKeeper && !SpaceRegister.editScope(by).permits(finding.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    if (note == null || note.isBlank() || note.length() > 1000) {
      throw new BusinessRuleException("space.estate.rectifyNoteRequired");
    }
    move(finding, FindingStatus.RECTIFIED, expectedVersion, """
        update space_inspection_finding set status = 'RECTIFIED', rectified_note = :note, rectified_by = :by,
               rectified_at = :now, version = version + 1
         where id = :id and version = :version and status = 'OPEN'""",
        Map.of("note", note.strip(), "by", by.username()));
    inbox.doneForLink("/space/inspections/findings/" + findingId);
    return finding(findingId, by);
  }

  /** The space manager confirms the rectification (确认整改) after seeing it. */
  @Transactional
  public Finding confirm(long findingId, int expectedVersion, CurrentUser by) {
    Finding finding = finding(findingId, by);
    if (!SpaceRegister.editScope(by).permits(finding.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    move(finding, FindingStatus.CONFIRMED, expectedVersion, """
        update space_inspection_finding set status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :now,
               version = version + 1
         where id = :id and version = :version and status = 'RECTIFIED'""", Map.of("by", by.username()));
    return finding(findingId, by);
  }

  private void move(Finding finding, FindingStatus to, int expectedVersion, String sql, Map<String, Object> values) {
    FindingStatus.requireMove(finding.id(), finding.status(), to);
    var statement = jdbc.sql(sql).param("id", finding.id()).param("version", expectedVersion)
        .param("now", Timestamp.from(clock.instant()));
    for (var value : values.entrySet()) {
      statement = statement.param(value.getKey(), value.getValue());
    }
    if (statement.update() == 0) {
      throw new ConflictException("space.estate.findingStale", finding.id());
    }
    audit.record(AuditEntry.updated("space_inspection_finding", finding.id(), finding.regionId(),
        Map.of("status", finding.status().name()), Map.of("status", to.name())));
  }

  /**
   * Raises a repair work order for a finding, with the finding's photos, in one transaction; a finding has at most
   * one work order.
   */
  @Transactional
  public WorkOrder raiseWorkOrder(long findingId, String category, CurrentUser by) {
    Finding finding = finding(findingId, by);
    if (!SpaceRegister.editScope(by).permits(finding.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    if (finding.workOrderId() != null) {
      throw new ConflictException("space.estate.workOrderExists", finding.workOrderId());
    }
    if (finding.status().closed()) {
      throw new ConflictException("space.estate.findingNotIn", finding.id(), FindingStatus.OPEN.name());
    }
    String building = null;
    String floor = null;
    String room = null;
    if (finding.roomId() != null) {
      Room registered = register.room(finding.roomId(), by);
      building = registered.buildingName();
      floor = registered.floorName();
      room = registered.number();
    }
    String description = "【清理整改】" + finding.campaignTitle() + "：" + finding.description()
        + (finding.location() != null && finding.roomId() == null ? "（" + finding.location() + "）" : "")
        + "，整改期限 " + finding.deadline();
    List<WorkOrderPhotos.Upload> photos = new ArrayList<>();
    for (Photo photo : photos(findingId, by)) {
      FileContent content = photoContent(findingId, photo.id(), by);
      photos.add(new WorkOrderPhotos.Upload(content.fileName(), content.data()));
    }
    WorkOrder order = workOrderPhotos.report(new NewWorkOrder(category == null || category.isBlank()
        ? "REPAIR_BUILDING"
        : category.strip(), "NORMAL", null, abbreviate(description, 2000), building, floor, room,
        null, finding.unitName()), photos, by);
    int changed = jdbc.sql("""
        update space_inspection_finding set work_order_id = :order, version = version + 1
         where id = :id and work_order_id is null""")
        .param("order", order.id()).param("id", findingId).update();
    if (changed == 0) {
      throw new ConflictException("space.estate.workOrderExists", findingId);
    }
    audit.record(AuditEntry.updated("space_inspection_finding", findingId, finding.regionId(), Map.of(),
        Map.of("workOrderId", order.id())));
    return order;
  }

  // ---- helpers

  private Campaign openCampaign(long campaignId, CurrentUser by) {
    Campaign campaign = campaign(campaignId, by);
    if (campaign.status() != CampaignStatus.OPEN) {
      throw new ConflictException("space.estate.campaignClosed", campaign.title());
    }
    return campaign;
  }

  private void requireUnitOfRegion(long unitId, long regionId) {
    boolean ofRegion = jdbc.sql("select count(*) from org_unit where id = :id and region_id = :region")
        .param("id", unitId).param("region", regionId).query(Long.class).single() > 0;
    if (!ofRegion) {
      throw new BusinessRuleException("space.estate.unitUnknown", unitId);
    }
  }

  /** The unit's head and liaisons: they answer for putting a finding right. */
  private List<Long> unitKeepers(long regionId, long unitId) {
    return java.util.stream.Stream.concat(accounts.holdersOf(Role.UNIT_HEAD, regionId, unitId).stream(),
        accounts.holdersOf(Role.UNIT_LIAISON, regionId, unitId).stream()).distinct().toList();
  }

  private static DataScope viewerScope(CurrentUser viewer) {
    return viewer.isApiKey() ? DataScope.NOTHING : viewer.dataScope();
  }

  private static String abbreviate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** A campaign as its row holds it; its checklist comes after, by {@link #withItems}. */
  private static Campaign mapCampaign(ResultSet rs, int row) throws SQLException {
    return new Campaign(rs.getLong("id"), rs.getLong("region_id"), rs.getString("title"),
        rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
        CampaignStatus.valueOf(rs.getString("status")), List.of(),
        rs.getInt("findings"), rs.getInt("open_findings"));
  }

  /**
   * The campaigns with their checklists, read in one query after the campaigns' own: a query inside a row mapper would
   * hold one pooled connection while waiting for another, and a busy moment would starve the pool.
   */
  private List<Campaign> withItems(List<Campaign> campaigns) {
    if (campaigns.isEmpty()) {
      return campaigns;
    }
    Map<Long, List<ChecklistItem>> items = new java.util.HashMap<>();
    jdbc.sql("""
        select campaign_id, id, sort_order, text from space_inspection_item where campaign_id = any(:ids)
         order by campaign_id, sort_order""")
        .param("ids", campaigns.stream().map(Campaign::id).toArray(Long[]::new))
        .query((ResultSet r) -> {
          items.computeIfAbsent(r.getLong("campaign_id"), id -> new ArrayList<>())
              .add(new ChecklistItem(r.getLong("id"), r.getInt("sort_order"), r.getString("text")));
        });
    return campaigns.stream().map(c -> new Campaign(c.id(), c.regionId(), c.title(), c.startsOn(), c.endsOn(),
        c.status(), List.copyOf(items.getOrDefault(c.id(), List.of())), c.findings(), c.openFindings())).toList();
  }

  private static Finding mapFinding(ResultSet rs, int row) throws SQLException {
    Timestamp rectified = rs.getTimestamp("rectified_at");
    Timestamp confirmed = rs.getTimestamp("confirmed_at");
    return new Finding(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("campaign_title"),
        rs.getLong("region_id"), rs.getLong("unit_id"), rs.getString("unit_name"), (Long) rs.getObject("item_id"),
        (Long) rs.getObject("room_id"), rs.getString("location"), rs.getString("description"),
        rs.getDate("deadline").toLocalDate(), FindingStatus.valueOf(rs.getString("status")),
        (Long) rs.getObject("work_order_id"),
        rs.getString("rectified_note"), rs.getString("rectified_by"), rectified == null ? null : rectified.toInstant(),
        rs.getString("confirmed_by"), confirmed == null ? null : confirmed.toInstant(), rs.getInt("version"),
        rs.getInt("photo_count"));
  }
}
