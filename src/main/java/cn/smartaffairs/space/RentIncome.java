package cn.smartaffairs.space;

/**
 * 租金收入 for the dashboard: the rental part of the office-space module (cn.smartaffairs.space.rental) provides
 * this bean. Until it exists the dashboard shows that no rental figures are available.
 */
public interface RentIncome {

  /** Rent collected in a region during a calendar year, in fen. */
  long collectedFen(long regionId, int year);
}
