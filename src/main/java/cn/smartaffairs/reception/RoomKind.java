package cn.smartaffairs.reception;

/** The room a guest is given: a standard room (标准间) or, for the ranks the rule allows, an ordinary suite (普通套间). */
public enum RoomKind {
  STANDARD, SUITE;

  /** Whether a guest allowed {@code allowed} may have this room (a suite-holder may take a standard room). */
  boolean within(RoomKind allowed) {
    return this == STANDARD || allowed == SUITE;
  }
}
