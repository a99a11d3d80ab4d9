package cn.smartaffairs.space;

/**
 * 租金收入 for the dashboard, provided by the rental ledger (cn.smartaffairs.space.rental), which depends on the
 * register rather than the other way round.
 */
public interface RentIncome {

  /** Rent collected in a region during a calendar year, in fen. */
  long collectedFen(long regionId, int year);
}
