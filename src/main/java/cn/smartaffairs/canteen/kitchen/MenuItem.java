package cn.smartaffairs.canteen.kitchen;

import java.time.LocalDate;

/** One dish on one day's meal (菜单项), at the price of that day. */
public record MenuItem(long id, long siteId, LocalDate serveDate, Meal meal, long dishId, String dishName,
    String category, long priceFen) {}
