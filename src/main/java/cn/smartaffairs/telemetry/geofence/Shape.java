package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.telemetry.jt808.MessageIds;

/** The three outlines JT/T 808 terminals keep, each with its own set and delete command. */
public enum Shape {
  CIRCLE(MessageIds.SET_CIRCLE, MessageIds.DELETE_CIRCLE), RECTANGLE(MessageIds.SET_RECTANGLE,
      MessageIds.DELETE_RECTANGLE), POLYGON(MessageIds.SET_POLYGON, MessageIds.DELETE_POLYGON);

  private final int setCommand;
  private final int deleteCommand;

  Shape(int setCommand, int deleteCommand) {
    this.setCommand = setCommand;
    this.deleteCommand = deleteCommand;
  }

  public int setCommand() {
    return setCommand;
  }

  public int deleteCommand() {
    return deleteCommand;
  }
}
