package cn.smartaffairs.workorder;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Photos attached to an order: at most five, each at most 10 MB, JPEG, PNG or WebP as their bytes say. */
@Service
public class WorkOrderPhotos {

  static final int MAX_PHOTOS = 5;
  static final int MAX_BYTES = 10 * 1024 * 1024;

  private final JdbcClient jdbc;
  private final WorkOrders workOrders;
  private final AuditTrail audit;
  private final Clock clock;

  public WorkOrderPhotos(JdbcClient jdbc, WorkOrders workOrders, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.workOrders = workOrders;
    this.audit = audit;
    this.clock = clock;
  }

  /** A photo's description; its bytes are fetched separately. */
  public record Photo(long id, String contentType, String fileName, int sizeBytes, String uploadedBy,
      Instant uploadedAt) {}

  /** A photo's bytes with their type. */
  public record Content(String contentType, String fileName, byte[] data) {}

  /** Attaches a photo; anyone who may see the order may add one (the requester, its handler, its dispatchers). */
  @Transactional
  public long attach(long workOrderId, String fileName, byte[] data, CurrentUser by) {
    WorkOrder order = workOrders.get(workOrderId, by);
    if (data == null || data.length == 0) {
      throw new BusinessRuleException("photo.empty");
    }
    if (data.length > MAX_BYTES) {
      throw new BusinessRuleException("photo.tooLarge", MAX_BYTES / 1024 / 1024);
    }
    String type = imageType(data);
    if (type == null) {
      throw new BusinessRuleException("photo.notAnImage");
    }
    long count = jdbc.sql("select count(*) from work_order_photo where work_order_id = :id").param("id", workOrderId)
        .query(Long.class).single();
    if (count >= MAX_PHOTOS) {
      throw new BusinessRuleException("photo.tooMany", MAX_PHOTOS);
    }
    String name = fileName == null || fileName.isBlank() ? "photo" : fileName.strip();
    name = name.length() > 200 ? name.substring(name.length() - 200) : name;
    long id = jdbc
        .sql(
            """
                insert into work_order_photo (work_order_id, content_type, file_name, size_bytes, data, uploaded_by, uploaded_at)
                values (:order, :type, :name, :size, :data, :by, :at) returning id""")
        .param("order", workOrderId).param("type", type).param("name", name).param("size", data.length)
        .param("data", data).param("by", by.username()).param("at", Timestamp.from(clock.instant()))
        .query(Long.class).single();
    audit.record(AuditEntry.created("work_order_photo", id, order.regionId(),
        Map.of("workOrderId", workOrderId, "fileName", name, "contentType", type, "sizeBytes", data.length)));
    return id;
  }

  /** A photo as uploaded: its name and bytes. */
  public record Upload(String fileName, byte[] data) {}

  /** Reports a problem with its photos in one transaction: a photo that is refused leaves no order behind. */
  @Transactional
  public WorkOrder report(NewWorkOrder order, List<Upload> uploads, CurrentUser by) {
    List<Upload> chosen = uploads.stream().filter(upload -> upload.data().length > 0).toList();
    if (chosen.size() > MAX_PHOTOS) {
      throw new BusinessRuleException("photo.tooMany", MAX_PHOTOS);
    }
    WorkOrder created = workOrders.create(order, by);
    chosen.forEach(upload -> attach(created.id(), upload.fileName(), upload.data(), by));
    return created;
  }

  public List<Photo> photos(long workOrderId, CurrentUser viewer) {
    workOrders.get(workOrderId, viewer);
    return jdbc.sql("""
        select id, content_type, file_name, size_bytes, uploaded_by, uploaded_at from work_order_photo
         where work_order_id = :id order by id""")
        .param("id", workOrderId)
        .query((rs, n) -> new Photo(rs.getLong("id"), rs.getString("content_type"), rs.getString("file_name"),
            rs.getInt("size_bytes"), rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
        .list();
  }

  public Content content(long workOrderId, long photoId, CurrentUser viewer) {
    workOrders.get(workOrderId, viewer);
    return jdbc
        .sql("select content_type, file_name, data from work_order_photo where id = :id and work_order_id = :order")
        .param("id", photoId).param("order", workOrderId)
        .query((rs, n) -> new Content(rs.getString("content_type"), rs.getString("file_name"), rs.getBytes("data")))
        .optional().orElseThrow(() -> new NotFoundException("photo", photoId));
  }

  /** The image type the bytes themselves declare; the name or the browser's claim is not trusted. */
  static String imageType(byte[] data) {
    if (data.length >= 3 && (data[0] & 0xFF) == 0xFF && (data[1] & 0xFF) == 0xD8 && (data[2] & 0xFF) == 0xFF) {
      return "image/jpeg";
    }
    if (data.length >= 8 && (data[0] & 0xFF) == 0x89 && data[1] == 'P' && data[2] == 'N' && data[3] == 'G') {
      return "image/png";
    }
    if (data.length >= 12 && data[0] == 'R' && data[1] == 'I' && data[2] == 'F' && data[3] == 'F'
        && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
      return "image/webp";
    }
    return null;
  }
}
