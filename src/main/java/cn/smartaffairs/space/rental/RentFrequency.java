package cn.smartaffairs.space.rental;

/** How often rent falls due: 按月 / 按季 / 按年. */
public enum RentFrequency {
  MONTHLY(1), QUARTERLY(3), YEARLY(12);

  private final int months;

  RentFrequency(int months) {
    this.months = months;
  }

  public int months() {
    return months;
  }
}
