package cn.smartaffairs.vehicle;

/** How a dispatch was made; the values of the CHECK on {@code vehicle_dispatch.mode}. */
public enum DispatchMode {
  /** 人工调度: the dispatcher picked the vehicle and the driver. */
  MANUAL,
  /** 智能调度: the dispatcher confirmed the optimiser's proposal. */
  OPTIMISED
}
