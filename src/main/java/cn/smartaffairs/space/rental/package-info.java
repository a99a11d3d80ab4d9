/**
 * 房产出租: lettable spaces, tenants, leases, rent schedules, payments, arrears and the rent roll.
 * A named interface of the space module, so the demo data can fill it through its public services.
 */
@org.springframework.modulith.NamedInterface("rental")
package cn.smartaffairs.space.rental;
