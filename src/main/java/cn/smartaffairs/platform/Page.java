package cn.smartaffairs.platform;

import java.util.List;

/** One page of a list: the API answers it as {@code {"items": [...], "total": N}}. */
public record Page<T>(List<T> items, long total, int page, int size) {

  public static final int MAX_SIZE = 200;

  public int pageCount() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public boolean hasNext() {
    return page + 1 < pageCount();
  }

  /** Clamps a requested page size to something a server will answer. */
  public static int boundedSize(int requested) {
    return Math.max(1, Math.min(requested, MAX_SIZE));
  }
}
