package cn.smartaffairs.canteen.procurement;

import java.util.Optional;

/** The licences a supplier shows (the {@code canteen_supplier_licence.kind} CHECK); two of them license food. */
public enum LicenceKind {
  /** 食品经营许可证 */
  FOOD_BUSINESS(true),
  /** 食品生产许可证 */
  FOOD_PRODUCTION(true),
  /** 营业执照 */
  BUSINESS_LICENCE(false),
  /** 动物检疫合格证明 */
  ANIMAL_QUARANTINE(false);

  private final boolean food;

  LicenceKind(boolean food) {
    this.food = food;
  }

  /** Whether it licenses selling or making food, which a supplier needs before it may be picked. */
  public boolean food() {
    return food;
  }

  /** The kind a request names; empty for anything else. */
  static Optional<LicenceKind> of(String text) {
    for (LicenceKind kind : values()) {
      if (kind.name().equals(text)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
