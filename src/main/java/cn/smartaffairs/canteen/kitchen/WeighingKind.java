package cn.smartaffairs.canteen.kitchen;

import java.util.Optional;

/** What the kitchen's scale weighed for a meal: the food prepared, or one kind of waste against it. */
public enum WeighingKind {
  PREPARED(null), PREPARATION(Waste.Kind.PREPARATION), UNSOLD(Waste.Kind.UNSOLD), PLATE(Waste.Kind.PLATE);

  private final Waste.Kind waste;

  WeighingKind(Waste.Kind waste) {
    this.waste = waste;
  }

  /** The kind of waste weighed; empty for the food prepared. */
  public Optional<Waste.Kind> waste() {
    return Optional.ofNullable(waste);
  }
}
