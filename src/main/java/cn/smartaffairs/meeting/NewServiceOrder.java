package cn.smartaffairs.meeting;

import java.time.OffsetDateTime;

/** A service asked for a booking: what, by when, and a note (e.g. "24 name plates, list attached"). */
public record NewServiceOrder(String kind, OffsetDateTime neededAt, String note) {}
