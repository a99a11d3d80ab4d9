package cn.smartaffairs.telemetry;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.telemetry.gateway.ConnectedTerminals;
import cn.smartaffairs.telemetry.gateway.TerminalCommands;
import cn.smartaffairs.telemetry.jt808.MessageIds;
import cn.smartaffairs.telemetry.jt808.PlatformMessages;
import cn.smartaffairs.telemetry.jt808.TerminalParameter;
import cn.smartaffairs.telemetry.store.TerminalParameterStore;
import cn.smartaffairs.vehicle.Fleet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;

/**
 * 终端参数: the platform asks a terminal for all its parameters (0x8104) and keeps its latest answer (0x0104); the
 * vehicle managers of its vehicle's region ask and read. Asking is audited with what came of it.
 */
@Service
public class TerminalParameters {

  /** What came of a query: answered, refused by the terminal (its 0x0001 result), not yet answered, not connected. */
  public enum Outcome {
    ANSWERED, REFUSED, NO_ANSWER, NOT_CONNECTED
  }

  /** One parameter: its id as the standard writes it, its name when the platform knows it, value and unit. */
  public record Parameter(String id, TerminalParameter name, String value, TerminalParameter.Unit unit) {}

  /** The latest answer: when it came (Beijing time; null when the terminal never answered) and its parameters. */
  public record Answer(OffsetDateTime answeredAt, List<Parameter> parameters) {}

  /** A query's outcome; {@code terminalResult} the terminal's 0x0001 result when it refused. */
  public record Queried(Outcome outcome, Integer terminalResult, Answer answer) {}

  private final TerminalBindings bindings;
  private final TerminalCommands commands;
  private final ConnectedTerminals connected;
  private final TerminalParameterStore store;
  private final AuditTrail audit;
  private final Fleet fleet;
  private final Duration timeout;

  TerminalParameters(TerminalBindings bindings, TerminalCommands commands, ConnectedTerminals connected,
      TerminalParameterStore store, AuditTrail audit, Fleet fleet,
      @Value("${affairs.telemetry.command-timeout:PT10S}") Duration timeout) {
    this.bindings = bindings;
    this.commands = commands;
    this.connected = connected;
    this.store = store;
    this.audit = audit;
    this.fleet = fleet;
    this.timeout = timeout;
  }

  /** A terminal's 0x0001 result in words (1 failed, 2 message wrong, 3 not supported), as a message argument. */
  static MessageSourceResolvable resultWords(int result) {
    return new DefaultMessageSourceResolvable("telemetry.terminalResult." + Math.max(0, Math.min(result, 4)));
  }

  /** Whether the binding's terminal is connected to this instance's gateway. */
  public boolean connected(TerminalBinding binding) {
    return connected.isConnected(binding.phone());
  }

  /** Asks the terminal for all its parameters and waits for its answer a little while. */
  public Queried query(long bindingId, CurrentUser by) {
    TerminalBinding binding = bindings.get(bindingId, by);
    Outcome outcome;
    Integer refused = null;
    try {
      TerminalCommands.Answer answer = commands.send(binding.phone(), MessageIds.QUERY_PARAMETERS,
          PlatformMessages.queryParameters(), timeout).get();
      if (answer.messageId() == MessageIds.PARAMETERS_ANSWER) {
        outcome = Outcome.ANSWERED;
      } else if (answer.result() == MessageIds.OK) {
        outcome = Outcome.NO_ANSWER; // a terminal that confirms first and answers afterwards
      } else {
        outcome = Outcome.REFUSED;
        refused = answer.result();
      }
    } catch (ExecutionException e) {
      outcome = e.getCause() instanceof TimeoutException ? Outcome.NO_ANSWER : Outcome.NOT_CONNECTED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      outcome = Outcome.NO_ANSWER;
    }
    if (outcome != Outcome.NOT_CONNECTED) {
      Map<String, Object> asked = new LinkedHashMap<>();
      asked.put("phone", binding.phone());
      asked.put("plate", binding.plate());
      asked.put("outcome", outcome.name());
      if (refused != null) {
        asked.put("terminalResult", refused);
      }
      audit.record(new AuditEntry("QUERY_PARAMETERS", "telemetry_terminal", binding.id(),
          fleet.get(binding.vehicleId(), DataScope.everything()).regionId(), null, asked));
    }
    return new Queried(outcome, refused, outcome == Outcome.ANSWERED ? latest(binding) : null);
  }

  /** The terminal's latest answer, in the caller's scope. */
  public Answer latest(long bindingId, CurrentUser by) {
    return latest(bindings.get(bindingId, by));
  }

  private Answer latest(TerminalBinding binding) {
    return store.latest(binding.id())
        .map(stored -> new Answer(stored.answeredAt().atZone(Moments.BEIJING).toOffsetDateTime(),
            stored.items().stream().map(item -> {
              TerminalParameter known = TerminalParameter.of(item.id());
              return new Parameter(TerminalParameter.hexId(item.id()), known,
                  TerminalParameter.text(item.id(), item.value()), known == null ? null : known.unit());
            }).toList()))
        .orElse(new Answer(null, List.of()));
  }
}
