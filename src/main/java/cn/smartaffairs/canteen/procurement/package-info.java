/**
 * The canteen's procurement side: suppliers and licences, purchase requests with 二次竞价, receiving inspections and
 * traceability from batch to dish. A named interface of the canteen module (used by the demo loader).
 */
@org.springframework.modulith.NamedInterface("procurement")
package cn.smartaffairs.canteen.procurement;
