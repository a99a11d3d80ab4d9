package cn.smartaffairs.workorder;

import java.util.List;
import java.util.stream.Stream;

/** 回访满意度: 满意 / 较满意 / 一般 / 不满意. */
public enum Satisfaction {
  SATISFIED, FAIRLY, NEUTRAL, UNSATISFIED;

  /** The grades the satisfaction rate counts as satisfied, as names for a query. */
  static final List<String> COUNTED_AS_SATISFIED = Stream.of(values()).filter(Satisfaction::countsAsSatisfied)
      .map(Enum::name).toList();

  /** 满意 and 较满意 count as satisfied; 一般 and 不满意 do not. */
  public boolean countsAsSatisfied() {
    return this == SATISFIED || this == FAIRLY;
  }
}
