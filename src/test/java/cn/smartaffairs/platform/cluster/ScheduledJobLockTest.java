package cn.smartaffairs.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.ReflectionUtils;

/** Each scheduled job runs on one instance at a time: it takes its row in shedlock, or skips while another holds it. */
@IntegrationTest
class ScheduledJobLockTest {

  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  /** Public, because the lock is applied by a proxy that does not see package-private methods. */
  @Test
  void everyScheduledJobHasALockOfItsOwn() {
    List<String> unlocked = new ArrayList<>();
    Set<String> names = new HashSet<>();
    int jobs = 0;
    for (Method method : scheduledMethods().keySet()) {
      jobs++;
      SchedulerLock lock = method.getAnnotation(SchedulerLock.class);
      if (lock == null || !java.lang.reflect.Modifier.isPublic(method.getModifiers())) {
        unlocked.add(method.getDeclaringClass().getSimpleName() + "." + method.getName());
      } else {
        assertThat(names.add(lock.name())).as("lock name %s used once", lock.name()).isTrue();
      }
    }
    assertThat(jobs).isGreaterThanOrEqualTo(10);
    assertThat(unlocked).isEmpty();
  }

  @Test
  void aJobTakesItsLockWhenItRuns() {
    // rows are never deleted (ShedLock remembers which exist): a lapsed lock of another instance is the start
    holdLock("another-instance", "- interval '1 minute'");

    runJob("approval-reminders");

    var row = jdbc.sql("""
        select locked_by, locked_at > timezone('utc', now()) - interval '1 minute' as just_now,
               lock_until <= timezone('utc', now()) as released
          from shedlock where name = 'approval-reminders'""").query().singleRow();
    assertThat((String) row.get("locked_by")).isNotBlank().isNotEqualTo("another-instance");
    assertThat(row.get("just_now")).isEqualTo(true);
    // released when the run ended (no minimum hold is set): the next round may run on any instance
    assertThat(row.get("released")).isEqualTo(true);
  }

  @Test
  void aJobWhoseLockAnotherInstanceHoldsIsSkipped() {
    holdLock("another-instance", "+ interval '1 hour'");
    try {
      runJob("approval-reminders");

      assertThat(jdbc.sql("select locked_by from shedlock where name = 'approval-reminders'").query(String.class)
          .single()).isEqualTo("another-instance");
    } finally {
      holdLock("another-instance", "- interval '1 minute'");
    }
  }

  private void holdLock(String by, String until) {
    jdbc.sql("""
        insert into shedlock (name, lock_until, locked_at, locked_by)
        values ('approval-reminders', timezone('utc', now()) %s, timezone('utc', now()) - interval '2 hours', :by)
        on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
                                         locked_by = excluded.locked_by""".formatted(until))
        .param("by", by).update();
  }

  /** Runs a job as the scheduler does: through the bean the context hands out, so the lock applies. */
  private void runJob(String lockName) {
    var job = scheduledMethods().entrySet().stream()
        .filter(entry -> entry.getKey().getAnnotation(SchedulerLock.class) != null
            && entry.getKey().getAnnotation(SchedulerLock.class).name().equals(lockName))
        .findFirst().orElseThrow();
    ReflectionUtils.makeAccessible(job.getKey());
    ReflectionUtils.invokeMethod(job.getKey(), job.getValue());
  }

  private Map<Method, Object> scheduledMethods() {
    Map<Method, Object> methods = new java.util.LinkedHashMap<>();
    for (String name : context.getBeanDefinitionNames()) {
      Object bean = context.getBean(name);
      Class<?> type = AopUtils.getTargetClass(bean);
      if (!type.getName().startsWith("cn.smartaffairs")) {
        continue;
      }
      ReflectionUtils.doWithMethods(type, method -> methods.put(method, bean),
          method -> method.isAnnotationPresent(Scheduled.class));
    }
    return methods;
  }
}
