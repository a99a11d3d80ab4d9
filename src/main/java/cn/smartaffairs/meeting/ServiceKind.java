package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.BusinessRuleException;
import java.util.Locale;

/** 会务服务 a booking may order; the same list the database's CHECK on meeting_service_order allows. */
public enum ServiceKind {
  TEA_WATER, AUDIO_VISUAL, NAME_PLATES, FLOWERS, PRINTED_MATERIALS, SIGNAGE;

  static ServiceKind parse(String code) {
    try {
      return valueOf(code.trim().toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new BusinessRuleException("meeting.serviceUnknown", code);
    }
  }
}
