package cn.smartaffairs.canteen;

/**
 * Where a canteen account stands (the {@code canteen_account.status} CHECK): in use, frozen after a lost card (挂失)
 * until a manager lifts it or issues a new card, or closed for good once settled (结算销户).
 */
enum AccountStatus {
  ACTIVE, FROZEN, CLOSED;

  /** A closed account takes no more money and no more cards; every other status still may. */
  boolean open() {
    return this != CLOSED;
  }
}
