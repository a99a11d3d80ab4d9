package cn.smartaffairs.canteen.procurement;

import cn.smartaffairs.platform.BusinessRuleException;

/** 农残快检: the rapid pesticide-residue test of a received batch (the {@code canteen_batch.pesticide_test} CHECK). */
public enum PesticideTest {
  PASS, FAIL, NOT_APPLICABLE;

  /** The test as a draft names it ("PASS", "FAIL", "NOT_APPLICABLE"); anything else is refused in words. */
  static PesticideTest of(String text) {
    for (PesticideTest test : values()) {
      if (test.name().equals(text)) {
        return test;
      }
    }
    throw new BusinessRuleException("canteen.kitchen.pesticideTestRequired");
  }

  /** A failed test rejects the batch whatever the inspector ticked (the database refuses anything else). */
  InspectionResult verdict(boolean acceptedByInspector) {
    return this != FAIL && acceptedByInspector ? InspectionResult.ACCEPTED : InspectionResult.REJECTED;
  }
}
