package cn.smartaffairs.security;

import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;

/**
 * What an API key may call. An integration (a canteen terminal, the hotline desk) gets only the scopes it
 * needs; each scope names the requests it opens. Modules add their scopes here.
 */
public enum ApiScope {
  STAFF_READ("staff:read", HttpMethod.GET, "/api/v1/staff/**"), UNITS_READ("units:read", HttpMethod.GET,
      "/api/v1/units/**"), WORK_ORDERS_READ("workorders:read", HttpMethod.GET,
          "/api/v1/work-orders/**"), WORK_ORDERS_WRITE("workorders:write", HttpMethod.POST,
              "/api/v1/work-orders/**"), CANTEEN_PAYMENTS("canteen:payments", HttpMethod.POST,
                  "/api/v1/canteen/payments/**"),
  /** Room signs and lobby screens: the rooms, a room's day and the finder (读取会议室与日程). */
  MEETING_ROOMS_READ("meetings:read", HttpMethod.GET, "/api/v1/meeting-rooms/**"),
  /** A supervising platform's or a fuel-card system's view of the fleet (读取车辆). */
  VEHICLES_READ("vehicles:read", HttpMethod.GET, "/api/v1/vehicles/**"),
  /** A finance system's view of the asset register with book values (读取资产台账). */
  ASSETS_READ("assets:read", HttpMethod.GET, "/api/v1/assets/**"),
  /** A plate-recognition camera system reporting the plates its gates read (出入口车辆识别, module access). */
  GATE_EVENTS("gates:events", HttpMethod.POST, "/api/v1/gate-events"),
  /** The monitoring system's scrape of the Prometheus metrics (读取运行指标). */
  METRICS_READ("metrics:read", HttpMethod.GET, "/actuator/prometheus");

  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final String scope;
  private final HttpMethod method;
  private final String pathPattern;

  ApiScope(String scope, HttpMethod method, String pathPattern) {
    this.scope = scope;
    this.method = method;
    this.pathPattern = pathPattern;
  }

  public String scope() {
    return scope;
  }

  public String pathPattern() {
    return pathPattern;
  }

  public HttpMethod method() {
    return method;
  }

  public boolean opens(String httpMethod, String path) {
    return method.matches(httpMethod) && (PATHS.match(pathPattern, path) || PATHS.match(pathPattern, path + "/"));
  }

  public static ApiScope of(String scope) {
    for (ApiScope candidate : values()) {
      if (candidate.scope.equals(scope)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("unknown API scope " + scope);
  }
}
