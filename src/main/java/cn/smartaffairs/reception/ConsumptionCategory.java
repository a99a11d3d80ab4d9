package cn.smartaffairs.reception;

/** What a line of the 消费清单 paid for. */
public enum ConsumptionCategory {
  MEAL, ROOM, TRANSPORT, VENUE, OTHER
}
