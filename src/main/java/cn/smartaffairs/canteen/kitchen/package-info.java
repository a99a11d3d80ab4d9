/**
 * The canteen's kitchen side: canteens, menus, 报餐 (pre-orders), ratings, waste, 留样 (food samples) and reports. A
 * named interface of the canteen module so that the demo loader can seed it through its services.
 */
@org.springframework.modulith.NamedInterface("kitchen")
package cn.smartaffairs.canteen.kitchen;
