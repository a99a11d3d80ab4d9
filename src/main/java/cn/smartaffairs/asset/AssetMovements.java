package cn.smartaffairs.asset;

import cn.smartaffairs.approval.ApprovalDecided;
import cn.smartaffairs.approval.ApprovalWithdrawn;
import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.printing.PdfPrinter;
import cn.smartaffairs.printing.PrintableForm;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.SpaceRegister;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 领用、退还与调拨: an asset issued to a person of its unit and returned, each at once; transferred to another unit of
 * the region through the approval engine ({@value #APPROVAL_TYPE}), done when approved. All dated (never after today),
 * audited, and printable as a handover document (资产交接单).
 */
@Service
public class AssetMovements {

  public static final String APPROVAL_TYPE = "asset.transfer";

  private static final String COLUMNS = """
      select m.*, fu.name as from_unit_name, tu.name as to_unit_name, fk.name as from_keeper_name,
             tk.name as to_keeper_name
        from asset_movement m join org_unit fu on fu.id = m.from_unit_id join org_unit tu on tu.id = m.to_unit_id
        left join org_person fk on fk.id = m.from_keeper_id left join org_person tk on tk.id = m.to_keeper_id""";

  private final JdbcClient jdbc;
  private final AssetRegister register;
  private final Approvals approvals;
  private final SpaceRegister space;
  private final PdfPrinter printer;
  private final AuditTrail audit;

  AssetMovements(JdbcClient jdbc, AssetRegister register, Approvals approvals, SpaceRegister space,
      PdfPrinter printer, AuditTrail audit) {
    this.jdbc = jdbc;
    this.register = register;
    this.approvals = approvals;
    this.space = space;
    this.printer = printer;
    this.audit = audit;
  }

  /** The moves of an asset the caller sees, newest first. */
  public List<AssetMovement> of(long assetId, CurrentUser viewer) {
    register.get(assetId, viewer);
    return jdbc.sql(COLUMNS + " where m.asset_id = :asset order by m.on_date desc, m.id desc").param("asset", assetId)
        .query(AssetMovements::map).list();
  }

  /** One move of an asset the caller sees. */
  public AssetMovement get(long movementId, CurrentUser viewer) {
    AssetMovement movement = jdbc.sql(COLUMNS + " where m.id = :id").param("id", movementId)
        .query(AssetMovements::map).optional().orElseThrow(() -> new NotFoundException("资产交接", movementId));
    register.get(movement.assetId(), viewer);
    return movement;
  }

  /** Issues the asset to a person of its unit (领用), optionally into a room; it is in use from then on. */
  @Transactional
  public long issue(long assetId, long keeperStaffId, Long roomId, LocalDate onDate, CurrentUser by) {
    Asset asset = lockedEditable(assetId, by);
    checkDay(onDate);
    if (!AssetStatus.initial().contains(asset.status())) {
      throw new BusinessRuleException("asset.issueRefused");
    }
    boolean ofUnit = jdbc
        .sql("select count(*) from org_person where id = :id and unit_id = :unit and status = 'ACTIVE'")
        .param("id", keeperStaffId).param("unit", asset.unitId()).query(Long.class).single() > 0;
    if (!ofUnit) {
      throw new BusinessRuleException("asset.keeperNotOfUnit", asset.unitName());
    }
    if (roomId != null && space.room(roomId, by).regionId() != asset.regionId()) {
      throw new BusinessRuleException("asset.roomOutsideRegion");
    }
    Long room = roomId == null ? asset.locationRoomId() : roomId;
    jdbc.sql("""
        update asset set keeper_staff_id = :keeper, location_room_id = :room, status = 'IN_USE', status_since = :day,
                         version = version + 1 where id = :id""")
        .param("keeper", keeperStaffId).param("room", room).param("day", Date.valueOf(onDate)).param("id", assetId)
        .update();
    long id = insert(asset, AssetMovement.Kind.ISSUE, AssetMovement.Status.DONE, onDate, asset.unitId(),
        keeperStaffId, room, null, null, by);
    audit.record(AuditEntry.updated("asset", assetId, asset.regionId(),
        Map.of("keeperStaffId", String.valueOf(asset.keeperStaffId()), "status", asset.status().name()),
        Map.of("keeperStaffId", keeperStaffId, "status", AssetStatus.IN_USE.name(), "movement", id)));
    return id;
  }

  /** Takes the asset back from its keeper (退还); it is idle from then on. */
  @Transactional
  public long giveBack(long assetId, LocalDate onDate, CurrentUser by) {
    Asset asset = lockedEditable(assetId, by);
    checkDay(onDate);
    if (asset.keeperStaffId() == null || asset.status() != AssetStatus.IN_USE) {
      throw new BusinessRuleException("asset.returnRefused");
    }
    jdbc.sql("""
        update asset set keeper_staff_id = null, status = 'IDLE', status_since = :day, version = version + 1
         where id = :id""").param("day", Date.valueOf(onDate)).param("id", assetId).update();
    long id = insert(asset, AssetMovement.Kind.RETURN, AssetMovement.Status.DONE, onDate, asset.unitId(), null,
        asset.locationRoomId(), null, null, by);
    audit.record(AuditEntry.updated("asset", assetId, asset.regionId(),
        Map.of("keeperStaffId", asset.keeperStaffId(), "status", asset.status().name()),
        Map.of("status", AssetStatus.IDLE.name(), "movement", id)));
    return id;
  }

  /** Asks to transfer the asset to another unit of its region (调拨); done once approved. */
  @Transactional
  public long requestTransfer(long assetId, long toUnitId, LocalDate onDate, String note, CurrentUser by) {
    Asset asset = lockedEditable(assetId, by);
    checkDay(onDate);
    if (asset.status() == AssetStatus.DISPOSED || asset.status() == AssetStatus.PENDING_DISPOSAL
        || asset.status() == AssetStatus.ON_LOAN) {
      throw new BusinessRuleException("asset.transferRefused");
    }
    var toUnit = jdbc.sql("select name from org_unit where id = :id and region_id = :region").param("id", toUnitId)
        .param("region", asset.regionId()).query(String.class).optional()
        .orElseThrow(() -> new BusinessRuleException("asset.transferUnitUnknown"));
    if (toUnitId == asset.unitId()) {
      throw new BusinessRuleException("asset.transferSameUnit");
    }
    String text = note == null || note.isBlank() ? null : note.strip();
    if (text != null && text.length() > 200) {
      throw new BusinessRuleException("asset.noteTooLong");
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("assetId", assetId);
    facts.put("number", asset.number());
    facts.put("fromUnitId", asset.unitId());
    facts.put("toUnitId", toUnitId);
    facts.put("onDate", onDate.toString());
    long request = approvals.submit(APPROVAL_TYPE, "资产调拨 " + asset.number() + " " + asset.name() + " → " + toUnit,
        facts, by);
    long id;
    try {
      id = insert(asset, AssetMovement.Kind.TRANSFER, AssetMovement.Status.PENDING, onDate, toUnitId, null,
          asset.locationRoomId(), text, request, by);
    } catch (DataIntegrityViolationException e) {
      if (Violations.isUniqueViolation(e)) {
        throw new ConflictException("asset.transferPending", asset.number());
      }
      throw e;
    }
    audit.record(AuditEntry.created("asset_movement", id, asset.regionId(),
        Map.of("assetId", assetId, "kind", "TRANSFER", "toUnitId", toUnitId, "approvalRequestId", request)));
    return id;
  }

  @ApplicationModuleListener(id = "asset.approval-decided")
  void onApprovalDecided(ApprovalDecided decided) {
    if (APPROVAL_TYPE.equals(decided.requestType())) {
      settle(decided.requestId(), decided.outcome() == ApprovalDecided.Outcome.APPROVED
          ? AssetMovement.Status.DONE
          : AssetMovement.Status.REJECTED);
    }
  }

  @ApplicationModuleListener(id = "asset.approval-withdrawn")
  void onApprovalWithdrawn(ApprovalWithdrawn withdrawn) {
    if (APPROVAL_TYPE.equals(withdrawn.requestType())) {
      settle(withdrawn.requestId(), AssetMovement.Status.WITHDRAWN);
    }
  }

  /** Settles the pending transfer of an approval request; one already settled is left alone (a retried event). */
  void settle(long approvalRequestId, AssetMovement.Status outcome) {
    var pending = jdbc.sql("select * from asset_movement where approval_request_id = :request and status = 'PENDING'"
        + " for update").param("request", approvalRequestId)
        .query((rs, n) -> new long[] {rs.getLong("id"), rs.getLong("asset_id"), rs.getLong("to_unit_id"),
            rs.getLong("region_id")})
        .optional();
    if (pending.isEmpty()) {
      return;
    }
    long movement = pending.get()[0];
    long assetId = pending.get()[1];
    long toUnit = pending.get()[2];
    jdbc.sql("update asset_movement set status = :status, decided_at = now() where id = :id")
        .param("status", outcome.name()).param("id", movement).update();
    if (outcome == AssetMovement.Status.DONE) {
      Long fromUnit = jdbc.sql("select unit_id from asset where id = :id for update").param("id", assetId)
          .query(Long.class).single();
      jdbc.sql("""
          update asset set unit_id = :unit, keeper_staff_id = null, version = version + 1 where id = :id""")
          .param("unit", toUnit).param("id", assetId).update();
      audit.record(AuditEntry.updated("asset", assetId, pending.get()[3], Map.of("unitId", fromUnit),
          Map.of("unitId", toUnit, "movement", movement)));
    }
    audit.record(AuditEntry.updated("asset_movement", movement, pending.get()[3], Map.of("status", "PENDING"),
        Map.of("status", outcome.name())));
  }

  /** 资产交接单: the handover document of a move, with signature lines for who hands over and who receives. */
  public byte[] handover(long movementId, CurrentUser viewer) {
    AssetMovement m = get(movementId, viewer);
    Asset asset = register.get(m.assetId(), viewer);
    PrintableForm form = PrintableForm.titled("资产交接单").number("JJ-" + m.onDate().getYear() + "-" + m.id())
        .field("变动类型", switch (m.kind()) {
          case ISSUE -> "领用";
          case RETURN -> "退还";
          case TRANSFER -> "调拨";
        })
        .field("交接日期", m.onDate())
        .field("资产编号", asset.number()).field("资产名称", asset.name())
        .field("资产分类", asset.classCode() + " " + (asset.className() == null ? "" : asset.className()))
        .field("规格型号", asset.specModel() == null ? "—" : asset.specModel())
        .field("序列号", asset.serialNo() == null ? "—" : asset.serialNo())
        .field("原值（元）", Money.ofFen(asset.originalValueFen()))
        .field("账面价值（元）", Money.ofFen(asset.bookValueFen()))
        .field("交出单位", m.fromUnitName()).field("接收单位", m.toUnitName())
        .field("交出人", m.fromKeeperName() == null ? "—" : m.fromKeeperName())
        .field("接收人", m.toKeeperName() == null ? "—" : m.toKeeperName());
    if (m.note() != null) {
      form.wideField("说明", m.note());
    }
    if (m.status() != AssetMovement.Status.DONE) {
      form.note("本次调拨尚未办结（" + switch (m.status()) {
        case PENDING -> "审批中";
        case REJECTED -> "未获批准";
        default -> "已撤回";
      } + "）。");
    }
    return printer.print(form.qrCode("资产 " + asset.number()).signature("交出人").signature("接收人")
        .signature("资产管理员"));
  }

  private Asset lockedEditable(long assetId, CurrentUser by) {
    Asset asset = register.get(assetId, by);
    if (!register.editable(asset, by)) {
      throw new ForbiddenException();
    }
    jdbc.sql("select id from asset where id = :id for update").param("id", assetId).query(Long.class).single();
    return register.get(assetId, by);
  }

  private void checkDay(LocalDate onDate) {
    if (onDate == null || onDate.isAfter(register.today())) {
      throw new BusinessRuleException("asset.movementDateInvalid");
    }
  }

  private long insert(Asset asset, AssetMovement.Kind kind, AssetMovement.Status status, LocalDate onDate,
      long toUnit, Long toKeeper, Long toRoom, String note, Long request, CurrentUser by) {
    return jdbc.sql("""
        insert into asset_movement (asset_id, region_id, kind, status, on_date, from_unit_id, to_unit_id,
                                    from_keeper_id, to_keeper_id, to_room_id, note, approval_request_id, created_by)
        values (:asset, :region, :kind, :status, :day, :fromUnit, :toUnit, :fromKeeper, :toKeeper, :room, :note,
                :request, :by) returning id""")
        .param("asset", asset.id()).param("region", asset.regionId()).param("kind", kind.name())
        .param("status", status.name()).param("day", Date.valueOf(onDate)).param("fromUnit", asset.unitId())
        .param("toUnit", toUnit).param("fromKeeper", asset.keeperStaffId()).param("toKeeper", toKeeper)
        .param("room", toRoom).param("note", note).param("request", request).param("by", by.userId())
        .query(Long.class).single();
  }

  private static AssetMovement map(ResultSet rs, int row) throws SQLException {
    return new AssetMovement(rs.getLong("id"), rs.getLong("asset_id"),
        AssetMovement.Kind.valueOf(rs.getString("kind")), AssetMovement.Status.valueOf(rs.getString("status")),
        rs.getDate("on_date").toLocalDate(), rs.getLong("from_unit_id"), rs.getString("from_unit_name"),
        rs.getLong("to_unit_id"), rs.getString("to_unit_name"), rs.getObject("from_keeper_id", Long.class),
        rs.getString("from_keeper_name"), rs.getObject("to_keeper_id", Long.class), rs.getString("to_keeper_name"),
        rs.getString("note"), rs.getObject("approval_request_id", Long.class));
  }
}
