package cn.smartaffairs.canteen.procurement;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.canteen.kitchen.Menus;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 供应商管理: the region's food suppliers and their licences; one with an expired licence cannot be picked. */
@Service
public class Suppliers {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  public Suppliers(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  public List<Supplier> suppliers(CurrentUser viewer) {
    Menus.requireManager(viewer, viewer.regionId());
    return jdbc.sql("select * from canteen_supplier where region_id = :region order by name")
        .param("region", viewer.regionId()).query(this::supplier).list();
  }

  /** A supplier of the caller's region; any other answers 404. */
  public Supplier supplier(long id, CurrentUser viewer) {
    return jdbc.sql("select * from canteen_supplier where id = :id and region_id = :region")
        .param("id", id).param("region", viewer.regionId()).query(this::supplier).optional()
        .orElseThrow(() -> new NotFoundException("canteenSupplier", id));
  }

  /** The supplier, if it may be picked today: otherwise a Chinese message names the expired or missing licence. */
  public Supplier requireUsable(long id, CurrentUser viewer) {
    Supplier supplier = supplier(id, viewer);
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    if (!supplier.usableOn(today)) {
      throw new BusinessRuleException("canteen.kitchen.supplierLicenceExpired", supplier.name());
    }
    return supplier;
  }

  @Transactional
  public Supplier create(String name, String address, String contact, CurrentUser by) {
    Menus.requireManager(by, by.regionId());
    if (blank(name) || blank(address) || blank(contact)) {
      throw new BusinessRuleException("canteen.kitchen.supplierInvalid");
    }
    if (jdbc.sql("select count(*) from canteen_supplier where region_id = :region and name = :name")
        .param("region", by.regionId()).param("name", name.trim()).query(Long.class).single() > 0) {
      throw new ConflictException("canteen.kitchen.supplierNameTaken", name.trim());
    }
    long id = jdbc.sql("""
        insert into canteen_supplier (region_id, name, address, contact) values (:region, :name, :address, :contact)
        returning id""")
        .param("region", by.regionId()).param("name", name.trim()).param("address", address.trim())
        .param("contact", contact.trim()).query(Long.class).single();
    audit.record(AuditEntry.created("canteen_supplier", id, by.regionId(), Map.of("name", name.trim(),
        "address", address.trim(), "contact", contact.trim())));
    return supplier(id, by);
  }

  @Transactional
  public Supplier addLicence(long supplierId, String kind, String number, LocalDate expiresOn, CurrentUser by) {
    Supplier supplier = supplier(supplierId, by);
    Menus.requireManager(by, supplier.regionId());
    LicenceKind licence = LicenceKind.of(kind).orElse(null);
    if (licence == null || blank(number) || expiresOn == null) {
      throw new BusinessRuleException("canteen.kitchen.licenceInvalid");
    }
    long id = jdbc.sql("""
        insert into canteen_supplier_licence (supplier_id, kind, number, expires_on)
        values (:supplier, :kind, :number, :expires)
        on conflict (supplier_id, kind, number) do update set expires_on = excluded.expires_on, reminded_at = null
        returning id""")
        .param("supplier", supplierId).param("kind", licence.name()).param("number", number.trim())
        .param("expires", Date.valueOf(expiresOn)).query(Long.class).single();
    audit.record(AuditEntry.created("canteen_supplier_licence", id, supplier.regionId(), Map.of("supplier",
        supplier.name(), "kind", licence.name(), "number", number.trim(), "expiresOn", expiresOn.toString())));
    return supplier(supplierId, by);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank() || text.trim().length() > 200;
  }

  Supplier supplier(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    List<Supplier.Licence> licences = jdbc.sql("""
        select * from canteen_supplier_licence where supplier_id = :id order by expires_on""")
        .param("id", id).query((r, n) -> new Supplier.Licence(r.getLong("id"), LicenceKind.valueOf(r.getString("kind")),
            r.getString("number"), r.getDate("expires_on").toLocalDate()))
        .list();
    return new Supplier(id, rs.getLong("region_id"), rs.getString("name"), rs.getString("address"),
        rs.getString("contact"), licences);
  }
}
