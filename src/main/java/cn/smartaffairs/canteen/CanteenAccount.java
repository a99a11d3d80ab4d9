package cn.smartaffairs.canteen;

import java.time.Instant;
import java.time.LocalDate;

/**
 * 食堂账户: a staff member's (or visitor's) canteen account. {@code balanceFen} is what the holder may spend: the cash
 * wallet plus the subsidy wallet (补贴), which is spent first and expires at {@code subsidyExpiresOn}. {@code cardNo}
 * is the active card, if any (cards, QR tokens and faces are only ways to reach the account).
 */
public record CanteenAccount(
    long id,
    Long staffId,
    String cardNo,
    long balanceFen,
    long cashFen,
    long subsidyFen,
    LocalDate subsidyExpiresOn,
    long regionId,
    String holderName,
    String kind,
    String category,
    String status,
    Instant openedAt) {

  public boolean active() {
    return accountStatus() == AccountStatus.ACTIVE;
  }

  public boolean frozen() {
    return accountStatus() == AccountStatus.FROZEN;
  }

  public boolean closed() {
    return accountStatus() == AccountStatus.CLOSED;
  }

  private AccountStatus accountStatus() {
    return AccountStatus.valueOf(status);
  }
}
