package cn.smartaffairs.notification;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 消息通知: stores a notification in the person's in-app inbox, in the sender's transaction, and publishes it for
 * delivery by the other channels (e-mail, ...). {@link NotificationDelivery} hands it to them after the sender's commit,
 * on a thread of its own, and retries a failed channel with backoff (ADR 0012): a mail server that is down never holds
 * up or undoes a dispatched work order.
 */
@Service
public class Notifications {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  public Notifications(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  @Transactional
  public long send(long userId, String title, String body, String link) {
    long id = jdbc.sql("""
        insert into notification (user_id, title, body, link) values (:user, :title, :body, :link) returning id""")
        .param("user", userId).param("title", abbreviate(title, 200)).param("body", abbreviate(body, 2000))
        .param("link", link)
        .query(Long.class).single();
    events.publishEvent(new NotificationToDeliver(id));
    return id;
  }

  /** One stored notification, if it still exists. */
  Optional<Notification> get(long id) {
    return jdbc.sql("select id, user_id, title, body, link, created_at, read_at from notification where id = :id")
        .param("id", id).query(Notifications::notification).optional();
  }

  /** The newest notifications of one person first. */
  public List<Notification> latest(long userId, int limit) {
    return jdbc.sql("""
        select id, user_id, title, body, link, created_at, read_at from notification
         where user_id = :user order by id desc limit :limit""")
        .param("user", userId).param("limit", limit)
        .query(Notifications::notification).list();
  }

  /** 消息通知's columns that sort; newest first unless asked otherwise. */
  public static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("time", "id")
      .ascending("title", SortKeys.pinyin("title"))
      .descending("unread", "(read_at is null)")
      .byDefault("time").tieBreaker("id");

  /** One page of a person's own notifications, the query's search in their titles and texts. */
  public Page<Notification> search(long userId, ListQuery query) {
    String where = " where user_id = :user"
        + " and (cast(:keyword as text) is null or title ilike :keyword escape '\\' or body ilike :keyword escape '\\')";
    long total = jdbc.sql("select count(*) from notification" + where)
        .param("user", userId).param("keyword", query.likePattern()).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<Notification> items = jdbc.sql("select id, user_id, title, body, link, created_at, read_at from notification"
        + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .param("user", userId).param("keyword", query.likePattern())
        .param("limit", shown.size()).param("offset", shown.offset())
        .query(Notifications::notification).list();
    return shown.pageOf(items, total);
  }

  public long unreadCount(long userId) {
    return jdbc.sql("select count(*) from notification where user_id = :user and read_at is null")
        .param("user", userId).query(Long.class).single();
  }

  /** Marks one of the person's own notifications read; answers false when they have no such notification. */
  @Transactional
  public boolean markRead(long userId, long notificationId) {
    return jdbc.sql("update notification set read_at = coalesce(read_at, now()) where id = :id and user_id = :user")
        .param("id", notificationId).param("user", userId).update() > 0;
  }

  @Transactional
  public int markAllRead(long userId) {
    return jdbc.sql("update notification set read_at = now() where user_id = :user and read_at is null")
        .param("user", userId).update();
  }

  private static String abbreviate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static Notification notification(ResultSet rs, int rowNum) throws SQLException {
    return new Notification(rs.getLong("id"), rs.getLong("user_id"), rs.getString("title"), rs.getString("body"),
        rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());
  }
}
