package cn.smartaffairs.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** "You may not do this" is a type: the status follows from it, whatever the message says. */
class ForbiddenExceptionTest {

  @Test
  void aRefusedPermissionSaysSoByDefaultAndIsForbidden() {
    var refused = new ForbiddenException();

    assertThat(refused.messageKey()).isEqualTo("error.forbidden");
    assertThat(refused.isForbidden()).isTrue();
  }

  @Test
  void aRefusedPermissionWithItsOwnWordsIsStillForbidden() {
    assertThat(new ForbiddenException("meeting.notYourBooking", "第一会议室").isForbidden()).isTrue();
  }

  @Test
  void anInvalidRequestIsNotForbiddenWhateverItsKey() {
    assertThat(new BusinessRuleException("error.forbidden").isForbidden()).isFalse();
    assertThat(new ConflictException("error.concurrentChange").isForbidden()).isFalse();
  }
}
