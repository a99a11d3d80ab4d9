package cn.smartaffairs.approval;

import cn.smartaffairs.platform.BusinessRuleException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * When a step applies, as data an administrator edits: a fact of the request, an operator and a value
 * ({@code amount > 5000}, {@code destination != 本市}). Numbers compare as numbers, anything else as text.
 */
public record StepCondition(String fact, String operator, String value) {

  static final Set<String> OPERATORS = Set.of(">", ">=", "<", "<=", "=", "!=");

  public StepCondition {
    if (fact == null || fact.isBlank() || value == null || !OPERATORS.contains(operator)) {
      throw new BusinessRuleException("approval.conditionInvalid", fact, operator, value);
    }
  }

  /** Whether the step applies to a request with these facts; a fact the condition needs must be given. */
  public boolean holds(Map<String, Object> facts) {
    Object actual = facts.get(fact);
    if (actual == null) {
      throw new BusinessRuleException("approval.factMissing", fact);
    }
    int comparison;
    BigDecimal actualNumber = number(actual);
    BigDecimal expectedNumber = number(value);
    if (actualNumber != null && expectedNumber != null) {
      comparison = actualNumber.compareTo(expectedNumber);
    } else {
      comparison = actual.toString().compareTo(value);
    }
    return switch (operator) {
      case ">" -> comparison > 0;
      case ">=" -> comparison >= 0;
      case "<" -> comparison < 0;
      case "<=" -> comparison <= 0;
      case "=" -> comparison == 0;
      default -> comparison != 0;
    };
  }

  @Override
  public String toString() {
    return fact + " " + operator + " " + value;
  }

  private static BigDecimal number(Object value) {
    if (value instanceof Boolean) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
