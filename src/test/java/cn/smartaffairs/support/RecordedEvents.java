package cn.smartaffairs.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Hears every event of one type the application publishes while it is open, on any thread (a canteen payment batch
 * publishes on the batch's thread). Added to the shared test context and removed again on close, so the context's
 * configuration stays the one every integration test shares.
 */
public final class RecordedEvents<T> implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final Class<T> type;
  private final List<T> events = new CopyOnWriteArrayList<>();
  private final ApplicationListener<ApplicationEvent> listener = this::hear;

  private RecordedEvents(ConfigurableApplicationContext context, Class<T> type) {
    this.context = context;
    this.type = type;
  }

  public static <T> RecordedEvents<T> of(ApplicationContext context, Class<T> type) {
    RecordedEvents<T> recorded = new RecordedEvents<>((ConfigurableApplicationContext) context, type);
    recorded.context.addApplicationListener(recorded.listener);
    return recorded;
  }

  private void hear(ApplicationEvent event) {
    if (event instanceof PayloadApplicationEvent<?> published && type.isInstance(published.getPayload())) {
      events.add(type.cast(published.getPayload()));
    }
  }

  public List<T> list() {
    return List.copyOf(events);
  }

  @Override
  public void close() {
    context.removeApplicationListener(listener);
  }
}
