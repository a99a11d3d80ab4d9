package cn.smartaffairs.approval;

import cn.smartaffairs.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One stored step of a flow version, as the engine reads it. */
record StepRow(long id, int position, String name, ApproverKind kind, Role role, ApprovalMode mode,
    StepCondition condition, int deadlineHours, Integer remindBeforeHours) {

  static StepRow map(ResultSet rs, int rowNum) throws SQLException {
    String fact = rs.getString("condition_fact");
    String role = rs.getString("approver_role");
    return new StepRow(rs.getLong("id"), rs.getInt("position"), rs.getString("name"),
        ApproverKind.valueOf(rs.getString("approver_kind")), role == null ? null : Role.valueOf(role),
        ApprovalMode.valueOf(rs.getString("mode")),
        fact == null
            ? null
            : new StepCondition(fact, rs.getString("condition_operator"), rs.getString("condition_value")),
        rs.getInt("deadline_hours"), (Integer) rs.getObject("remind_before_hours"));
  }
}
