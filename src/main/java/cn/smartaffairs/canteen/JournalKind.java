package cn.smartaffairs.canteen;

/** What a journal records (the {@code canteen_journal.kind} CHECK); {@link Payment#kind()} answers its name. */
enum JournalKind {
  OPENING, TOP_UP, SUBSIDY_GRANT, SUBSIDY_EXPIRY, MEAL_PAYMENT, REFUND, CORRECTION, SETTLEMENT
}
