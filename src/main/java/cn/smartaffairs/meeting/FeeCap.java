package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.Money;

/** 会议费上限 of a booking: attendees × days × the class's cap per person and day, in fen. */
public record FeeCap(int meetingClass, int attendees, int days, long fenPerPersonDay) {

  public long totalFen() {
    return Math.multiplyExact(Math.multiplyExact((long) attendees, days), fenPerPersonDay);
  }

  public String totalYuan() {
    return yuan(totalFen());
  }

  public String perPersonDayYuan() {
    return yuan(fenPerPersonDay);
  }

  static String yuan(long fen) {
    return Money.ofFen(fen).yuan().stripTrailingZeros().toPlainString();
  }
}
