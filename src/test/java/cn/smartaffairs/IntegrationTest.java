package cn.smartaffairs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.context.annotation.Import;
import cn.smartaffairs.support.StatementCounter;
import cn.smartaffairs.support.TestClock;

/**
 * A test against the whole application on a real PostgreSQL with the demo data loaded. All such tests share
 * one application context (keep their configuration identical) and one database, so they create the data they
 * change under fresh names instead of relying on a clean slate. Metrics are exported as in production (Spring Boot's
 * tests leave them out by default), so their endpoint and its access rules are tested too. Statements can be
 * counted ({@link StatementCounter}), so a list is held to a fixed number of queries whatever its length.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@AutoConfigureObservability(tracing = false)
@Import({TestClock.Configuration.class, StatementCounter.Configuration.class})
public @interface IntegrationTest {}
