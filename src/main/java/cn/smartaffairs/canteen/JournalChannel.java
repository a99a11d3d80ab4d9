package cn.smartaffairs.canteen;

/** Through what a journal came (the {@code canteen_journal.channel} CHECK); {@link Payment#channel()} answers its name. */
enum JournalChannel {
  TERMINAL, OFFLINE, PRE_ORDER, ONLINE, COUNTER, SYSTEM, MANAGER
}
