package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.platform.Money;

/** 菜品: a dish a canteen cooks, with its usual price in fen. */
public record Dish(long id, long siteId, String name, String category, long priceFen, boolean active) {

  /** As a menu choice names it: "红烧肉 ¥12.00". */
  public String choiceLabel() {
    return name + " ¥" + Money.ofFen(priceFen).plain();
  }
}
