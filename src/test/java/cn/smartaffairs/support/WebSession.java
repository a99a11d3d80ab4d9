package cn.smartaffairs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Uses the running application's pages over real HTTP as a browser would: it keeps the session cookie, does
 * not follow redirects (so tests can see where they lead) and sends the CSRF token that a form carries.
 */
public final class WebSession {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http = HttpClient.newBuilder()
      .cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();

  public WebSession(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A page as it came back: status, headers and the HTML. */
  public record Page(int status, HttpHeaders headers, String body) {

    /** Where a redirect leads, without the scheme and host; null when the answer is not a redirect. */
    public String redirectPath() {
      return headers.firstValue("Location").map(URI::create)
          .map(location -> location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()))
          .orElse(null);
    }

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    /** The CSRF token of the first form on the page. */
    public String csrfToken() {
      Matcher matcher = CSRF_FIELD.matcher(body);
      if (!matcher.find()) {
        throw new IllegalStateException("the page has no CSRF field (HTTP " + status + ")");
      }
      return matcher.group(1);
    }
  }

  /** Signs in through the form and answers where the application sends the person next. */
  public Page signIn(String username, String password) {
    String token = get("/login").csrfToken();
    return post("/login", Map.of("username", username, "password", password, "_csrf", token));
  }

  /** Signs in and fails the test at once if that does not land on the home page. */
  public WebSession signedInAs(String username, String password) {
    Page answer = signIn(username, password);
    if (answer.status() != 302 || !"/".equals(answer.redirectPath())) {
      throw new IllegalStateException("sign-in of " + username + " failed: " + answer.status() + " -> "
          + answer.redirectPath());
    }
    return this;
  }

  /** The value of a cookie the application has set, or null. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals(name))
        .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
  }

  public Page get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Opens a page sending one more request header, e.g. {@link StatementCounter#HEADER}. */
  public Page get(String path, String header, String value) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET());
  }

  /** Posts a form exactly as given: add {@code _csrf} yourself, or leave it out to see it refused. */
  public Page post(String path, Map<String, String> fields) {
    String form = new LinkedHashMap<>(fields).entrySet().stream()
        .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
  }

  /** Opens the form page first and posts its fields together with the CSRF token it carries. */
  public Page submit(String formPath, Map<String, String> fields) {
    var withToken = new LinkedHashMap<>(fields);
    withToken.put("_csrf", get(formPath).csrfToken());
    return post(formPath, withToken);
  }

  private Page send(HttpRequest.Builder request) {
    request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Page(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
