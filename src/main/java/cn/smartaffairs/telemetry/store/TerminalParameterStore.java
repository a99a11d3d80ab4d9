package cn.smartaffairs.telemetry.store;

import cn.smartaffairs.telemetry.jt808.ParameterAnswer;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The latest parameter answer (0x0104) of each terminal, by its binding: each answer replaces the one before, its
 * values kept as the terminal sent them. An answer from a phone number no longer bound is dropped.
 */
@Component
public class TerminalParameterStore {

  /** A stored answer: when it came, and the parameters in the order of their ids. */
  public record Stored(Instant answeredAt, List<ParameterAnswer.Item> items) {}

  private final JdbcClient jdbc;

  TerminalParameterStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  public boolean replace(String phone, ParameterAnswer answer, Instant at) {
    Optional<Long> binding = jdbc.sql("select id from telemetry_terminal where phone = :phone for update")
        .param("phone", phone).query(Long.class).optional();
    if (binding.isEmpty()) {
      return false;
    }
    long id = binding.get();
    jdbc.sql("delete from telemetry_terminal_answer where binding_id = :id").param("id", id).update();
    jdbc.sql("insert into telemetry_terminal_answer (binding_id, answered_at, parameters) values (:id, :at, :n)")
        .param("id", id).param("at", Timestamp.from(at)).param("n", answer.items().size()).update();
    // a terminal that names one parameter twice: its last value counts
    for (ParameterAnswer.Item item : answer.items()) {
      jdbc.sql("""
          insert into telemetry_terminal_parameter (binding_id, parameter_id, value) values (:id, :parameter, :value)
          on conflict (binding_id, parameter_id) do update set value = excluded.value""")
          .param("id", id).param("parameter", item.id()).param("value", item.value()).update();
    }
    return true;
  }

  /** The latest answer of a binding's terminal, if it ever answered. */
  public Optional<Stored> latest(long bindingId) {
    return jdbc.sql("select answered_at from telemetry_terminal_answer where binding_id = :id").param("id", bindingId)
        .query((rs, n) -> rs.getObject("answered_at", OffsetDateTime.class).toInstant()).optional()
        .map(at -> new Stored(at, jdbc.sql(
            """
                select parameter_id, value from telemetry_terminal_parameter where binding_id = :id order by parameter_id""")
            .param("id", bindingId)
            .query((rs, n) -> new ParameterAnswer.Item(rs.getLong("parameter_id"), rs.getBytes("value"))).list()));
  }
}
