package cn.smartaffairs.platform.cluster;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What lets several instances share one database: each {@code @Scheduled} job also carries {@code @SchedulerLock},
 * so that only the instance taking its row in {@code shedlock} (database time, V73) runs it; and every answer names
 * the instance that gave it ({@code X-Instance}), so that it can be seen behind a load balancer which one did.
 * Page sessions live in PostgreSQL (Spring Session JDBC, V72) and caches are kept in step by
 * {@link cn.smartaffairs.platform.SharedCaches}.
 */
@Configuration(proxyBeanMethods = false)
// outermost: the lock is taken (in its own short transaction) before a job's transaction begins
@EnableSchedulerLock(defaultLockAtMostFor = "${affairs.cluster.job-lock-at-most:PT10M}", order = Ordered.HIGHEST_PRECEDENCE)
class ClusterConfiguration {

  static final String INSTANCE_HEADER = "X-Instance";

  @Bean
  LockProvider scheduledJobLocks(DataSource dataSource) {
    return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
        .withJdbcTemplate(new JdbcTemplate(dataSource))
        .usingDbTime()
        .build());
  }

  /**
   * Outermost, so that every answer carries it, sign-in redirects and refusals too; only when an instance name is
   * configured ({@code AFFAIRS_INSTANCE_ID}), so that a single server does not tell its host name.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> instanceHeader(
      @Value("${affairs.cluster.instance-id:}") String configured) {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (!configured.isBlank()) {
          response.setHeader(INSTANCE_HEADER, configured);
        }
        chain.doFilter(request, response);
      }
    });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    return registration;
  }
}
