package cn.smartaffairs.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in policy: lock-out after repeated failures, and how long an API token lives. */
@ConfigurationProperties("affairs.security")
public record SecurityProperties(int maxFailedSignIns, Duration lockDuration, Duration apiTokenLifetime) {}
