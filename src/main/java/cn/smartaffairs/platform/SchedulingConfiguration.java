package cn.smartaffairs.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The modules' scheduled jobs (each on one instance at a time, ShedLock) run unless {@code affairs.scheduling.enabled}
 * is false: the JT/T 808 gateway in a process of its own (profile {@code gateway}, ADR 0014) runs none, and leaves
 * them to the platform's web instances.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "affairs.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {}
