package cn.smartaffairs.approval;

import java.time.Instant;
import java.util.List;

/** One stored version of a flow as the administrator's list shows it; only one per request type and region is active. */
public record FlowVersion(long id, String requestType, long regionId, int version, String name, boolean active,
    Instant createdAt, List<FlowDefinition.Step> steps) {

  public FlowVersion {
    steps = List.copyOf(steps);
  }
}
