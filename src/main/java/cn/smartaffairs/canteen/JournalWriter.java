package cn.smartaffairs.canteen;

import cn.smartaffairs.canteen.Ledger.Entry;
import cn.smartaffairs.canteen.Ledger.Leg;
import java.util.List;

/**
 * Where a ledger transaction's journals go: straight to the database ({@link Ledger}), or into a batch of terminal
 * payments written together ({@link PaymentBatch}). Either way the locked account's wallets and hash chain move at
 * once, so the next journal on the same account sees them.
 */
interface JournalWriter {

  /** Records a journal on a locked account and answers its id. */
  long post(LockedAccount account, Entry entry, List<Leg> legs);
}
