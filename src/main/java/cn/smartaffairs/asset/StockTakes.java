package cn.smartaffairs.asset;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.space.SpaceRegister;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 清查盘点: a campaign over a unit's assets or a room's. Opening it takes the list of what should be found; each scan
 * (a label's QR code, or a number typed) marks an asset found in a room and condition, moves the asset's location to
 * that room when it differs, and adds an asset not on the list as unlisted; closing it leaves the unscanned ones
 * missing. The reconciliation lists all three.
 */
@Service
public class StockTakes {

  /** A label's QR code: the address of the asset's page, ending in its id. */
  static final Pattern PAGE = Pattern.compile("/assets/(\\d{1,18})/?$");

  private final JdbcClient jdbc;
  private final AssetRegister register;
  private final SpaceRegister space;
  private final AuditTrail audit;

  StockTakes(JdbcClient jdbc, AssetRegister register, SpaceRegister space, AuditTrail audit) {
    this.jdbc = jdbc;
    this.register = register;
    this.space = space;
    this.audit = audit;
  }

  public enum Condition {
    GOOD, WORN, BROKEN
  }

  /** A campaign with its counts. */
  public record StockTake(long id, long regionId, String name, Long unitId, String unitName, Long roomId,
      boolean open, java.time.LocalDate openedOn, long listed, long found, long unlisted) {

    public long missing() {
      return listed - found;
    }
  }

  /** One line of the reconciliation. */
  public record Line(long assetId, String number, String name, String unitName, boolean listed, Instant foundAt,
      Long expectedRoomId, Long foundRoomId, Condition condition, boolean locationUpdated) {

    public String outcome() {
      return foundAt == null ? "MISSING" : listed ? "FOUND" : "UNLISTED";
    }
  }

  /** What a scan did. */
  public record Scan(long assetId, String number, String name, String outcome, boolean locationUpdated) {}

  /** The campaigns of the regions the caller keeps the register of, newest first. */
  public List<StockTake> list(CurrentUser viewer) {
    return jdbc.sql(COLUMNS + " where " + DataScope.sqlCondition("s.region_id", null, null) + " order by s.id desc")
        .paramSource(AssetRegister.editScope(viewer).bind(new MapSqlParameterSource())).query(StockTakes::map)
        .list();
  }

  public StockTake get(long id, CurrentUser viewer) {
    return jdbc.sql(COLUMNS + " where s.id = :id and " + DataScope.sqlCondition("s.region_id", null, null))
        .paramSource(AssetRegister.editScope(viewer).bind(new MapSqlParameterSource("id", id)))
        .query(StockTakes::map).optional().orElseThrow(() -> new NotFoundException("盘点", id));
  }

  private static final String COLUMNS = """
      select s.*, u.name as unit_name,
             (select count(*) from asset_stocktake_item i where i.stocktake_id = s.id and i.listed) as listed,
             (select count(*) from asset_stocktake_item i where i.stocktake_id = s.id and i.listed
                 and i.found_at is not null) as found,
             (select count(*) from asset_stocktake_item i where i.stocktake_id = s.id and not i.listed) as unlisted
        from asset_stocktake s left join org_unit u on u.id = s.unit_id""";

  /** Opens a campaign over a unit's assets, a room's, or both at once; the list is what is not disposed today. */
  @Transactional
  public long open(String name, Long unitId, Long roomId, CurrentUser by) {
    DataScope managed = AssetRegister.editScope(by);
    if (!managed.isRegionWide()) {
      throw new ForbiddenException();
    }
    if (name == null || name.isBlank() || name.strip().length() > 100) {
      throw new BusinessRuleException("asset.stocktake.nameRequired");
    }
    if (unitId == null && roomId == null) {
      throw new BusinessRuleException("asset.stocktake.scopeRequired");
    }
    long regionId = by.regionId();
    if (unitId != null) {
      regionId = jdbc.sql("select region_id from org_unit where id = :id").param("id", unitId).query(Long.class)
          .optional().filter(r -> managed.permits(r, null, null))
          .orElseThrow(() -> new BusinessRuleException("asset.transferUnitUnknown"));
    }
    if (roomId != null && space.room(roomId, by).regionId() != regionId) {
      throw new BusinessRuleException("asset.roomOutsideRegion");
    }
    long id = jdbc.sql("""
        insert into asset_stocktake (region_id, name, unit_id, room_id, status, opened_on, created_by)
        values (:region, :name, :unit, :room, 'OPEN', :day, :by) returning id""")
        .param("region", regionId).param("name", name.strip()).param("unit", unitId).param("room", roomId)
        .param("day", Date.valueOf(register.today())).param("by", by.userId()).query(Long.class).single();
    int listed = jdbc.sql("""
        insert into asset_stocktake_item (stocktake_id, asset_id, listed, expected_room_id)
        select :id, a.id, true, a.location_room_id from asset a
         where a.region_id = :region and a.status <> 'DISPOSED'
           and (cast(:unit as bigint) is null or a.unit_id = :unit)
           and (cast(:room as bigint) is null or a.location_room_id = :room)""")
        .param("id", id).param("region", regionId).param("unit", unitId).param("room", roomId).update();
    audit.record(AuditEntry.created("asset_stocktake", id, regionId,
        Map.of("name", name.strip(), "unitId", String.valueOf(unitId), "roomId", String.valueOf(roomId),
            "listed", listed)));
    return id;
  }

  /**
   * Records a scan: {@code code} is a label's QR code (the asset page's address) or an asset number. The asset is
   * marked found in {@code roomId} (when given) and {@code condition}; its location moves to that room when it
   * differs; an asset not on the list is added as unlisted. Scanning an asset again changes nothing.
   */
  @Transactional
  public Scan scan(long stocktakeId, String code, Long roomId, Condition condition, CurrentUser by) {
    StockTake campaign = get(stocktakeId, by);
    if (!campaign.open()) {
      throw new BusinessRuleException("asset.stocktake.closed");
    }
    Asset asset = resolve(code, campaign.regionId(), by);
    if (roomId != null && space.room(roomId, by).regionId() != campaign.regionId()) {
      throw new BusinessRuleException("asset.roomOutsideRegion");
    }
    Condition seen = condition == null ? Condition.GOOD : condition;
    var item = jdbc.sql("select listed, found_at from asset_stocktake_item where stocktake_id = :s and asset_id = :a"
        + " for update").param("s", stocktakeId).param("a", asset.id())
        .query((rs, n) -> new Object[] {rs.getBoolean("listed"), rs.getTimestamp("found_at")}).optional();
    if (item.isPresent() && item.get()[1] != null) {
      return new Scan(asset.id(), asset.number(), asset.name(), "ALREADY", false);
    }
    boolean move = roomId != null && !roomId.equals(asset.locationRoomId());
    Instant now = Instant.now();
    if (item.isPresent()) {
      jdbc.sql("""
          update asset_stocktake_item set found_at = :at, found_room_id = :room, found_by = :by, condition = :cond,
                 location_updated = :moved where stocktake_id = :s and asset_id = :a""")
          .param("at", Timestamp.from(now)).param("room", roomId).param("by", by.userId())
          .param("cond", seen.name()).param("moved", move).param("s", stocktakeId).param("a", asset.id()).update();
    } else {
      jdbc.sql("""
          insert into asset_stocktake_item (stocktake_id, asset_id, listed, expected_room_id, found_at, found_room_id,
                                            found_by, condition, location_updated)
          values (:s, :a, false, :expected, :at, :room, :by, :cond, :moved)""")
          .param("s", stocktakeId).param("a", asset.id()).param("expected", asset.locationRoomId())
          .param("at", Timestamp.from(now)).param("room", roomId).param("by", by.userId())
          .param("cond", seen.name()).param("moved", move).update();
    }
    if (move) {
      jdbc.sql("update asset set location_room_id = :room, version = version + 1 where id = :id")
          .param("room", roomId).param("id", asset.id()).update();
      Map<String, Object> after = new LinkedHashMap<>();
      after.put("locationRoomId", roomId);
      after.put("stocktakeId", stocktakeId);
      audit.record(AuditEntry.updated("asset", asset.id(), asset.regionId(),
          Map.of("locationRoomId", String.valueOf(asset.locationRoomId())), after));
    }
    audit.record(new AuditEntry("SCAN", "asset_stocktake", stocktakeId, campaign.regionId(), null,
        Map.of("assetId", asset.id(), "condition", seen.name(), "listed", item.isPresent())));
    return new Scan(asset.id(), asset.number(), asset.name(), item.isPresent() ? "FOUND" : "UNLISTED", move);
  }

  private Asset resolve(String code, long regionId, CurrentUser by) {
    String text = code == null ? "" : code.strip();
    Matcher page = PAGE.matcher(text);
    Long id = null;
    if (page.find()) {
      id = Long.valueOf(page.group(1));
    } else if (AssetRegister.NUMBER.matcher(text).matches()) {
      id = jdbc.sql("select id from asset where region_id = :region and number = :number").param("region", regionId)
          .param("number", text).query(Long.class).optional().orElse(null);
    }
    if (id == null) {
      throw new BusinessRuleException("asset.stocktake.codeUnknown", text.length() > 60 ? text.substring(0, 60) : text);
    }
    try {
      Asset asset = register.get(id, by);
      if (asset.regionId() != regionId) {
        throw new BusinessRuleException("asset.stocktake.codeUnknown", text);
      }
      return asset;
    } catch (NotFoundException e) {
      throw new BusinessRuleException("asset.stocktake.codeUnknown", text);
    }
  }

  /** Closes the campaign: what was not scanned is missing from now on. */
  @Transactional
  public void close(long stocktakeId, CurrentUser by) {
    StockTake campaign = get(stocktakeId, by);
    if (!campaign.open()) {
      throw new BusinessRuleException("asset.stocktake.closed");
    }
    jdbc.sql("update asset_stocktake set status = 'CLOSED', closed_at = now() where id = :id")
        .param("id", stocktakeId).update();
    audit.record(AuditEntry.updated("asset_stocktake", stocktakeId, campaign.regionId(), Map.of("status", "OPEN"),
        Map.of("status", "CLOSED", "found", campaign.found(), "missing", campaign.missing(),
            "unlisted", campaign.unlisted())));
  }

  /** The reconciliation: every listed and every unlisted asset with what the campaign found, missing ones first. */
  public List<Line> reconciliation(long stocktakeId, CurrentUser by) {
    get(stocktakeId, by);
    return jdbc.sql("""
        select i.*, a.number, a.name, u.name as unit_name from asset_stocktake_item i join asset a on a.id = i.asset_id
          join org_unit u on u.id = a.unit_id where i.stocktake_id = :id
         order by (i.found_at is not null), i.listed desc, a.number""")
        .param("id", stocktakeId)
        .query((rs, n) -> new Line(rs.getLong("asset_id"), rs.getString("number"), rs.getString("name"),
            rs.getString("unit_name"), rs.getBoolean("listed"),
            rs.getTimestamp("found_at") == null ? null : rs.getTimestamp("found_at").toInstant(),
            rs.getObject("expected_room_id", Long.class), rs.getObject("found_room_id", Long.class),
            rs.getString("condition") == null ? null : Condition.valueOf(rs.getString("condition")),
            rs.getBoolean("location_updated")))
        .list();
  }

  /** The rooms' names for a reconciliation, as the viewer sees the space register. */
  public Map<Long, String> roomNames(CurrentUser viewer) {
    Map<Long, String> names = new HashMap<>();
    space.rooms(viewer).forEach(r -> names.put(r.id(), r.buildingName() + " " + r.number()));
    return names;
  }

  private static StockTake map(ResultSet rs, int row) throws SQLException {
    return new StockTake(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"),
        rs.getObject("unit_id", Long.class), rs.getString("unit_name"), rs.getObject("room_id", Long.class),
        "OPEN".equals(rs.getString("status")), rs.getDate("opened_on").toLocalDate(), rs.getLong("listed"),
        rs.getLong("found"), rs.getLong("unlisted"));
  }
}
