package cn.smartaffairs.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Whether to load demo data into an empty database, and how many staff to generate (scale up for benchmarks). */
@ConfigurationProperties("affairs.demo-data")
public record DemoDataProperties(boolean enabled, int staff) {}
