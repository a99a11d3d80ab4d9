package cn.smartaffairs.telemetry.jt808;

/** The editions of JT/T 808 a terminal may speak; 2019 says so in its header (attribute bit 14). */
public enum ProtocolVersion {
  V2011, V2013, V2019
}
