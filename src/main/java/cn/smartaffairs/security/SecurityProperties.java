package cn.smartaffairs.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in policy and how long an API token lives. {@code maxFailedSignIns} failures from one source (an account name
 * together with a client address) lock that source out for {@code lockDuration}; failures on one account name from
 * any address, and from one address on any names, only slow further attempts down ({@link SignInBackoff}).
 * {@code apiDocsPublic} opens the OpenAPI description and Swagger UI without signing in (the local demo run).
 */
@ConfigurationProperties("affairs.security")
public record SecurityProperties(int maxFailedSignIns, Duration lockDuration, Duration apiTokenLifetime,
    SignInBackoff accountBackoff, SignInBackoff addressBackoff, boolean apiDocsPublic) {

  public SecurityProperties {
    accountBackoff = accountBackoff == null
        ? new SignInBackoff(10, Duration.ofSeconds(1), Duration.ofSeconds(30))
        : accountBackoff;
    addressBackoff = addressBackoff == null
        ? new SignInBackoff(30, Duration.ofSeconds(1), Duration.ofSeconds(30))
        : addressBackoff;
  }
}
