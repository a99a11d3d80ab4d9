package cn.smartaffairs.canteen.kitchen;

/** Whether a pre-order stands or was cancelled before the cut-off (the {@code canteen_preorder.status} CHECK). */
enum PreorderStatus {
  ACTIVE, CANCELLED
}
