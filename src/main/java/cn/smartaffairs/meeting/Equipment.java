package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.BusinessRuleException;

/** What a meeting room is fitted with; the same list the database's CHECK on meeting_room allows. */
public enum Equipment {
  PROJECTOR, VIDEO_CONFERENCE, MICROPHONE, WHITEBOARD, SCREEN;

  static Equipment parse(String code) {
    try {
      return valueOf(code.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BusinessRuleException("meeting.equipmentUnknown", code);
    }
  }
}
