package cn.smartaffairs.platform.events;

import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Registry-backed listeners ({@code @ApplicationModuleListener}) run after the publisher's commit on a thread of their
 * own (Spring Boot's task executor, virtual threads), so neither their time nor their failure reaches the request
 * that published the event (ADR 0012).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class EventsConfiguration implements AsyncConfigurer {

  private static final Logger log = LoggerFactory.getLogger(EventsConfiguration.class);

  private final ObjectProvider<Executor> applicationTaskExecutor;

  EventsConfiguration(@Qualifier("applicationTaskExecutor") ObjectProvider<Executor> applicationTaskExecutor) {
    this.applicationTaskExecutor = applicationTaskExecutor;
  }

  /** Spring Boot's executor (virtual threads, spring.threads.virtual.enabled), named, since a configurer is given. */
  @Override
  public Executor getAsyncExecutor() { return applicationTaskExecutor.getIfAvailable(); }

  /** A failed listener is expected now and then (a mail server away): its publication stays to be retried. */
  @Override
  public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
    return (failure, method, arguments) -> log.warn("{}.{} failed; its event publication stays incomplete and is "
        + "resubmitted later: {}", method.getDeclaringClass().getSimpleName(), method.getName(), failure.toString(),
        failure);
  }
}
