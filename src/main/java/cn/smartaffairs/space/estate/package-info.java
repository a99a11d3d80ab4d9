/**
 * 清理整改 and 维修项目: inspection campaigns with their findings, and repair projects step by step.
 * A named interface of the space module, so the demo data can fill it through its public services.
 */
@org.springframework.modulith.NamedInterface("estate")
package cn.smartaffairs.space.estate;
