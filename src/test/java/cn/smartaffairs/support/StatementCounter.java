package cn.smartaffairs.support;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements a piece of work sends, so a test can hold a page or a list to a fixed number of queries
 * whatever the number of rows. The application's DataSource is wrapped once for all integration tests; a connection
 * counts only while its thread is counting, so other tests and background jobs pay nothing and are not counted.
 *
 * <p>On the test's own thread: {@link #count(Runnable)}. For a page served over HTTP, send the header {@link #HEADER}
 * with a fresh token and read {@link #countedFor(String)} after the answer.
 */
public final class StatementCounter {

  /** The request header that has a page's statements counted under its value. */
  public static final String HEADER = "X-Count-Statements";

  private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();
  private static final Map<String, Integer> BY_TOKEN = new ConcurrentHashMap<>();
  private static final Set<String> CREATING = Set.of("prepareStatement", "prepareCall", "createStatement");

  private StatementCounter() {}

  /** The number of statements the work sent on this thread. */
  public static int count(Runnable work) {
    return counted(() -> {
      work.run();
      return null;
    }).statements();
  }

  /** The work's answer with the number of statements it sent on this thread. */
  public static <T> Counted<T> counted(Supplier<T> work) {
    int[] outer = COUNTING.get();
    int[] counter = {0};
    COUNTING.set(counter);
    try {
      T answer = work.get();
      return new Counted<>(answer, counter[0]);
    } finally {
      if (outer == null) {
        COUNTING.remove();
      } else {
        outer[0] += counter[0];
        COUNTING.set(outer);
      }
    }
  }

  public record Counted<T>(T answer, int statements) {}

  /** The statements counted for the request that carried the token in {@link #HEADER}; null if none did. */
  public static Integer countedFor(String token) {
    return BY_TOKEN.remove(token);
  }

  private static Connection counting(Connection target) {
    InvocationHandler handler = (proxy, method, args) -> {
      int[] counter = COUNTING.get();
      if (counter != null && CREATING.contains(method.getName())) {
        counter[0]++;
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getTargetException();
      }
    };
    return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
        new Class<?>[] {Connection.class}, handler);
  }

  /** Wraps the DataSource; imported by {@link cn.smartaffairs.IntegrationTest}, so every test shares one context. */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Configuration {

    @Bean
    static BeanPostProcessor countingDataSource() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          if (bean instanceof DataSource dataSource && !(bean instanceof CountingDataSource)) {
            return new CountingDataSource(dataSource);
          }
          return bean;
        }
      };
    }

    /** Counts a page's statements, rendering included, when the request asks for it. */
    @Bean
    Filter statementCountingFilter() {
      return (request, response, chain) -> {
        String token = request instanceof HttpServletRequest http ? http.getHeader(HEADER) : null;
        if (token == null) {
          chain.doFilter(request, response);
          return;
        }
        int[] counter = {0};
        COUNTING.set(counter);
        try {
          chain.doFilter(request, response);
        } finally {
          COUNTING.remove();
          BY_TOKEN.put(token, counter[0]);
        }
      };
    }
  }

  /** The application's DataSource, its connections counting statements while their thread counts. */
  static final class CountingDataSource extends DelegatingDataSource {
    CountingDataSource(DataSource target) {
      super(target);
    }

    @Override
    public Connection getConnection() throws SQLException { return counting(obtainTargetDataSource().getConnection()); }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return counting(obtainTargetDataSource().getConnection(username, password));
    }
  }
}
