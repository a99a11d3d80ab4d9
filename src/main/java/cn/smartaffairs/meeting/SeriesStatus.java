package cn.smartaffairs.meeting;

/** Whether a recurring booking still runs; the values the CHECK on {@code meeting_series.status} allows (V12). */
public enum SeriesStatus {
  ACTIVE, CANCELLED
}
