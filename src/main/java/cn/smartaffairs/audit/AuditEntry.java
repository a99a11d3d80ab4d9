package cn.smartaffairs.audit;

/**
 * One change to record: what was done to which record, with its state before and after (any value that
 * serialises to JSON; null where there was none).
 */
public record AuditEntry(String action, String entityType, Object entityId, Long regionId, Object before,
    Object after) {

  public static AuditEntry created(String entityType, Object entityId, Long regionId, Object after) {
    return new AuditEntry("CREATE", entityType, entityId, regionId, null, after);
  }

  public static AuditEntry updated(String entityType, Object entityId, Long regionId, Object before, Object after) {
    return new AuditEntry("UPDATE", entityType, entityId, regionId, before, after);
  }

  public static AuditEntry deleted(String entityType, Object entityId, Long regionId, Object before) {
    return new AuditEntry("DELETE", entityType, entityId, regionId, before, null);
  }
}
