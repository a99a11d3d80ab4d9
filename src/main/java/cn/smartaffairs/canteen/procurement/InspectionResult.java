package cn.smartaffairs.canteen.procurement;

/** 查验结论 of a received batch (the {@code canteen_batch.result} CHECK); only an accepted batch goes into dishes. */
public enum InspectionResult {
  ACCEPTED, REJECTED
}
