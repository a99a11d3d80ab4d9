package cn.smartaffairs.calendar;

/** How a dated entry changes the normal week: a day off (节假日) or an adjusted working day (调休上班). */
public enum DayKind {
  HOLIDAY, WORKDAY
}
