package cn.smartaffairs.platform;

import java.util.Map;

/**
 * A contribution to the page shell's top bar (the person's region and unit, the unread count), asked for by the
 * error pages: an exception handler and the container's error page get no model-attribute advice, yet a signed-in
 * person keeps the top bar and side menu there too. Modules that feed the top bar implement it.
 */
public interface PageShell {

  /** The attributes for the person signed in on this request; none when nobody is. */
  Map<String, Object> shellAttributes();
}
