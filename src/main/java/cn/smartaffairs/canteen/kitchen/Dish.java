package cn.smartaffairs.canteen.kitchen;

/** 菜品: a dish a canteen cooks, with its usual price in fen. */
public record Dish(long id, long siteId, String name, String category, long priceFen, boolean active) {}
