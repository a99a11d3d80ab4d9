package cn.smartaffairs.telemetry;

/** The edition of JT/T 808 a terminal speaks; 2011 and 2013 carry 12-digit phone numbers and 7-character ids. */
public enum TerminalProtocol {
  JT808_2011(12, 7), JT808_2013(12, 7), JT808_2019(20, 30);

  private final int phoneDigits;
  private final int terminalIdLength;

  TerminalProtocol(int phoneDigits, int terminalIdLength) {
    this.phoneDigits = phoneDigits;
    this.terminalIdLength = terminalIdLength;
  }

  public int phoneDigits() {
    return phoneDigits;
  }

  public int terminalIdLength() {
    return terminalIdLength;
  }
}
