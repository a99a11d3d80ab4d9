package cn.smartaffairs.telemetry.gateway;

import io.netty.channel.Channel;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.stereotype.Component;

/**
 * The authenticated connections of this instance, by terminal phone number: a terminal that connects again replaces
 * (and closes) its old, half-open connection, and unbinding a terminal ends its connection.
 */
@Component
public class ConnectedTerminals {

  private final ConcurrentMap<String, Channel> byPhone = new ConcurrentHashMap<>();

  void attach(String phone, Channel channel) {
    Channel previous = byPhone.put(phone, channel);
    if (previous != null && previous != channel) {
      previous.close();
    }
  }

  void detach(String phone, Channel channel) {
    byPhone.remove(phone, channel);
  }

  /** Closes the connection of the terminal with this phone number, if it is connected here. */
  public void disconnect(String phone) {
    Channel channel = byPhone.remove(phone);
    if (channel != null) {
      channel.close();
    }
  }

  /** Whether the terminal with this phone number is authenticated on a connection of this instance. */
  public boolean isConnected(String phone) {
    return byPhone.containsKey(phone);
  }

  /** The connection of the terminal with this phone number on this instance; null when it has none here. */
  Channel channel(String phone) {
    return byPhone.get(phone);
  }

  public int count() {
    return byPhone.size();
  }

  void closeAll() {
    byPhone.values().forEach(Channel::close);
    byPhone.clear();
  }
}
