package cn.smartaffairs.vehicle.planning;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Outside a Spring context logback logs at DEBUG, and Timefold then logs every step, which slows the solver. */
final class SolverLogging {

  private SolverLogging() {}

  static void quiet() {
    ((Logger) LoggerFactory.getLogger("ai.timefold")).setLevel(Level.INFO);
    ((Logger) LoggerFactory.getLogger("net.fortuna")).setLevel(Level.WARN);
  }
}
