package cn.smartaffairs.telemetry.jt808;

/** A frame or message body that breaks JT/T 808; {@link #fault} names what, for the gateway's counters. */
public class MalformedFrameException extends Exception {

  /** What was wrong, one counter each. */
  public enum Fault {
    ESCAPE, CHECKSUM, HEADER, LENGTH, BODY, OVERSIZE, GARBAGE
  }

  private final Fault fault;

  public MalformedFrameException(Fault fault, String detail) {
    super(fault + ": " + detail, null, false, false);
    this.fault = fault;
  }

  public Fault fault() {
    return fault;
  }
}
