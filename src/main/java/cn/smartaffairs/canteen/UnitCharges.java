package cn.smartaffairs.canteen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 单位挂账: charges to a unit in the canteen (a reception's working meal, say), which the unit settles monthly from
 * its statement. A ledger of its own beside the personal accounts: a unit has no balance, card, wallet or daily limit,
 * so a charge is one row ({@code canteen_unit_charge}) rather than a journal with postings on an account.
 *
 * <p>Who may charge a unit: a person of that unit who is its liaison (联络员) or head, or a region administrator or
 * canteen manager of the unit's region. A charge is idempotent by the caller's reference within the region: the same
 * reference again answers the original charge and charges nothing; under another amount it is refused.
 */
@Service
public class UnitCharges {

  static final String SELECT = """
      select c.*, u.name as unit_name
        from canteen_unit_charge c join org_unit u on u.id = c.unit_id
      """;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  UnitCharges(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Charges {@code amountFen} to the unit, or answers the charge made before under the same reference. Audited in the
   * same transaction.
   *
   * @throws ForbiddenException when {@code by} may not charge this unit
   * @throws ConflictException when the reference was used before for another unit or amount
   */
  @Transactional
  public UnitCharge charge(long unitId, long amountFen, String reference, String description, CurrentUser by) {
    CanteenInput.requireAmount(amountFen);
    String ref = reference == null ? "" : reference.trim();
    if (ref.isEmpty() || ref.length() > 100) {
      throw new BusinessRuleException("canteen.unitCharge.referenceRequired");
    }
    String text = description == null ? "" : description.trim();
    if (text.isEmpty()) {
      throw new BusinessRuleException("canteen.unitCharge.descriptionRequired");
    }
    if (text.length() > 200) {
      text = text.substring(0, 200);
    }
    long regionId = jdbc.sql("select region_id from org_unit where id = :unit").param("unit", unitId)
        .query(Long.class).optional().orElseThrow(() -> new NotFoundException("unit", unitId));
    if (!mayCharge(by, regionId, unitId)) {
      throw new ForbiddenException("canteen.unitCharge.notAllowed");
    }
    Instant now = clock.instant();
    Optional<Long> inserted = jdbc.sql("""
        insert into canteen_unit_charge (region_id, unit_id, charge_no, amount_fen, description, reference, charged_by,
                                         charged_at)
        values (:region, :unit,
                'GZ' || to_char(cast(:at as timestamptz) at time zone 'Asia/Shanghai', 'YYYYMM')
                  || lpad(cast(nextval('canteen_unit_charge_no_seq') as text), 6, '0'),
                :amount, :description, :reference, :by, :at)
        on conflict (region_id, reference) do nothing
        returning id""")
        .param("region", regionId).param("unit", unitId).param("amount", amountFen).param("description", text)
        .param("reference", ref).param("by", by.getUsername()).param("at", Timestamp.from(now))
        .query(Long.class).optional();
    if (inserted.isEmpty()) {
      UnitCharge earlier = byReference(regionId, ref).orElseThrow();
      if (earlier.unitId() != unitId || earlier.amountFen() != amountFen) {
        throw new ConflictException("canteen.unitCharge.referenceConflict", ref, earlier.chargeNo(),
            CanteenAccounts.yuan(earlier.amountFen()));
      }
      return earlier;
    }
    UnitCharge charge = jdbc.sql(SELECT + " where c.id = :id").param("id", inserted.get())
        .query(UnitCharges::row).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("chargeNo", charge.chargeNo());
    after.put("unitId", unitId);
    after.put("amountFen", amountFen);
    after.put("reference", ref);
    after.put("description", text);
    audit.record(AuditEntry.created("canteen_unit_charge", charge.id(), regionId, after));
    return charge;
  }

  /** Whether the person may charge the unit: its liaison or head, or a region administrator or canteen manager. */
  public static boolean mayCharge(CurrentUser by, long regionId, long unitId) {
    if (by.isApiKey()) {
      return false;
    }
    return by.dataScopeAs(Role.UNIT_LIAISON, Role.UNIT_HEAD).permits(null, unitId, null)
        || by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.CANTEEN_MANAGER).permits(regionId, null, null);
  }

  /** The charge made under a reference in a region, if any. */
  public Optional<UnitCharge> byReference(long regionId, String reference) {
    return jdbc.sql(SELECT + " where c.region_id = :region and c.reference = :reference").param("region", regionId)
        .param("reference", reference).query(UnitCharges::row).optional();
  }

  static UnitCharge row(ResultSet rs, int row) throws SQLException {
    return new UnitCharge(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
        rs.getString("charge_no"), rs.getLong("amount_fen"), rs.getString("description"), rs.getString("reference"),
        rs.getString("charged_by"), rs.getTimestamp("charged_at").toInstant());
  }
}
