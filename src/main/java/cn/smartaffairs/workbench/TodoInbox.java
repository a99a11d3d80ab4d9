package cn.smartaffairs.workbench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 我的待办: every module puts the tasks it creates for a person here, and marks them done. */
@Service
public class TodoInbox {

  private final JdbcClient jdbc;

  public TodoInbox(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A task waiting for one person. */
  public record Todo(long id, String sourceModule, String title, String link, Instant createdAt, Instant dueAt) {}

  @Transactional
  public long add(long userId, String sourceModule, String title, String link, Instant dueAt) {
    return jdbc.sql("""
        insert into todo_item (user_id, source_module, title, link, due_at)
        values (:user, :module, :title, :link, :due) returning id""")
        .param("user", userId).param("module", sourceModule).param("title", title).param("link", link)
        .param("due", dueAt == null ? null : Timestamp.from(dueAt))
        .query(Long.class).single();
  }

  @Transactional
  public void done(long todoId) {
    jdbc.sql("update todo_item set done_at = now() where id = :id and done_at is null").param("id", todoId).update();
  }

  /** Marks done every open task that points at a record, e.g. when the record moved on without this person. */
  @Transactional
  public void doneForLink(String link) {
    jdbc.sql("update todo_item set done_at = now() where link = :link and done_at is null").param("link", link)
        .update();
  }

  public List<Todo> open(long userId, int limit) {
    return jdbc.sql("""
        select id, source_module, title, link, created_at, due_at from todo_item
         where user_id = :user and done_at is null order by coalesce(due_at, created_at) limit :limit""")
        .param("user", userId).param("limit", limit)
        .query((rs, n) -> new Todo(rs.getLong("id"), rs.getString("source_module"), rs.getString("title"),
            rs.getString("link"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("due_at") == null ? null : rs.getTimestamp("due_at").toInstant()))
        .list();
  }
}
