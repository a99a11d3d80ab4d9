/**
 * 资产 (issue 15): the classification code table after GB/T 14885-2022, the shortest useful lives by class as a
 * versioned regional rule table, depreciation by the government accounting standard ({@code Depreciation}, pure), and
 * the register of assets with the book value on every view. Rooms are read through module space's
 * {@code SpaceRegister}, vehicles through module vehicle's {@code Fleet} (an asset may be a vehicle of the fleet, ADR
 * 0015); owns the tables {@code asset_*} and {@code asset}.
 */
package cn.smartaffairs.asset;
