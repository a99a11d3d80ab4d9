package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import org.junit.jupiter.api.Test;

/** A caller's idempotency key lives in that caller's namespace and must be a real, client-shaped key. */
class IdempotencyKeyTest {

  @Test
  void theSameKeyFromTwoTerminalsNamesTwoRequests() {
    assertThat(IdempotencyKey.ofTerminal("T-01", "k-1")).isNotEqualTo(IdempotencyKey.ofTerminal("T-02", "k-1"));
  }

  @Test
  void theSameKeyFromOneTerminalNamesOneRequest() {
    assertThat(IdempotencyKey.ofTerminal("T-01", "k-1")).isEqualTo(IdempotencyKey.ofTerminal("T-01", "k-1"));
  }

  @Test
  void aTerminalAnAccountAPersonAProviderAndThePlatformEachHaveTheirOwnNamespace() {
    assertThat(IdempotencyKey.ofTerminal("7", "k").scope()).isEqualTo("terminal:7");
    assertThat(IdempotencyKey.ofAccount(7, "k").scope()).isEqualTo("account:7");
    assertThat(IdempotencyKey.ofUser("7", "k").scope()).isEqualTo("user:7");
    assertThat(IdempotencyKey.ofProvider("7", "k").scope()).isEqualTo("provider:7");
    assertThat(IdempotencyKey.ofPlatform("k").scope()).isEqualTo("platform");
  }

  @Test
  void aKeyIsStoredTrimmedSoSpacesDoNotMakeANewRequest() {
    assertThat(IdempotencyKey.ofAccount(5, "  k-1 ")).isEqualTo(IdempotencyKey.ofAccount(5, "k-1"));
  }

  @Test
  void aMissingOrBlankKeyIsRefused() {
    for (String key : new String[] {null, "", "   "}) {
      assertThatThrownBy(() -> IdempotencyKey.requireKey(key))
          .isInstanceOfSatisfying(BusinessRuleException.class,
              e -> assertThat(e.messageKey()).isEqualTo("canteen.idempotencyKeyRequired"));
    }
  }

  @Test
  void aKeyOfAHundredCharactersIsTakenAndOneLongerIsRefused() {
    assertThat(IdempotencyKey.requireKey("x".repeat(100))).hasSize(100);
    assertThatThrownBy(() -> IdempotencyKey.requireKey("x".repeat(101)))
        .isInstanceOfSatisfying(BusinessRuleException.class,
            e -> assertThat(e.messageKey()).isEqualTo("canteen.idempotencyKeyRequired"));
  }

  @Test
  void aClientMayNotUseAKeyShapedLikeOneThePlatformMakes() {
    for (String key : new String[] {"subsidy:2025-01", "canteen-preorder-42", "web-abc", "  web-abc"}) {
      assertThatThrownBy(() -> IdempotencyKey.requireClientKey(key))
          .as(key)
          .isInstanceOfSatisfying(BusinessRuleException.class,
              e -> assertThat(e.messageKey()).isEqualTo("canteen.idempotencyKeyReserved"));
    }
  }

  @Test
  void aClientKeyThatMerelyMentionsAReservedWordIsAccepted() {
    assertThat(IdempotencyKey.requireClientKey(" order-web-1 ")).isEqualTo("order-web-1");
    assertThat(IdempotencyKey.requireClientKey("my-subsidy:1")).isEqualTo("my-subsidy:1");
  }
}
