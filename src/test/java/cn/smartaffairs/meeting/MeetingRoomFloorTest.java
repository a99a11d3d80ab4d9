package cn.smartaffairs.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A floor entered as a number is said as floors are said ("3层" / "Floor 3"); any other is shown as entered. */
class MeetingRoomFloorTest {

  @Test
  void aFloorEnteredAsANumberIsANumberAndAnyOtherIsNot() {
    assertThat(room("3").floorNumber()).isEqualTo(3);
    assertThat(room(" 12 ").floorNumber()).isEqualTo(12);
    assertThat(room("地下一层").floorNumber()).isNull();
    assertThat(room("3F").floorNumber()).isNull();
    assertThat(room(null).floorNumber()).isNull();
  }

  private static MeetingRoom room(String floor) {
    return new MeetingRoom(1, 1, "第一会议室", "1号楼", floor, 20, List.of(), false, null, null);
  }
}
