package cn.smartaffairs.telemetry;

/** 绑定车载终端: a vehicle, its terminal's SIM phone number and terminal id, and the protocol edition it speaks. */
public record NewTerminalBinding(Long vehicleId, String phone, String terminalId, TerminalProtocol protocol) {}
