package cn.smartaffairs.telemetry;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The JT/T 808 gateway and its position writer. {@code enabled} switches the TCP server off (positions then simply do
 * not arrive); {@code port} 0 takes any free port (tests). A connection silent for {@code idleTimeout} is closed
 * (terminals send a heartbeat every minute or so). Positions from all connections are written together: a writer
 * takes what is queued, waits at most {@code batchLinger} for more, up to {@code batchSize}, and stores them in one
 * transaction; beyond {@code queueLimit} waiting positions new ones are refused (the terminal sends them again).
 */
@ConfigurationProperties("affairs.telemetry")
public record TelemetryProperties(@DefaultValue("true") boolean enabled,
    @DefaultValue("6808") int port,
    @DefaultValue("PT5M") Duration idleTimeout,
    @DefaultValue("0") int ioThreads,
    @DefaultValue("2") int writers,
    @DefaultValue("PT0.005S") Duration batchLinger,
    @DefaultValue("2000") int batchSize,
    @DefaultValue("200000") int queueLimit,
    @DefaultValue("3") int partitionsAhead) {}
