package cn.smartaffairs.space;

import java.time.Instant;

/** An uploaded floor plan (image or PDF); its bytes are fetched separately. */
public record FloorPlan(long id, long floorId, String contentType, String fileName, int sizeBytes, String uploadedBy,
    Instant uploadedAt) {

  /** A plan's bytes with their type. */
  public record Content(String contentType, String fileName, byte[] data) {}
}
