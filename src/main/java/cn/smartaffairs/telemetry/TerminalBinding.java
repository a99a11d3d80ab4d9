package cn.smartaffairs.telemetry;

import java.time.OffsetDateTime;

/** A terminal bound to a vehicle; {@code registeredAt} is null until the terminal first registered (0x0100). */
public record TerminalBinding(long id, long vehicleId, String plate, String phone, String terminalId,
    TerminalProtocol protocol, OffsetDateTime boundAt, OffsetDateTime registeredAt) {}
