package cn.smartaffairs.canteen.kitchen;

/** 食堂: one canteen of a region. */
public record CanteenSite(long id, long regionId, String name, String address) {}
