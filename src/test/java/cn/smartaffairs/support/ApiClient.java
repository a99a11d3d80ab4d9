package cn.smartaffairs.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Calls the running application's JSON API over real HTTP, as an integrator would. */
public final class ApiClient {

  public static final String DEMO_PASSWORD = "Demo@2026";
  public static final String API_KEY_HEADER = "X-API-Key";

  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ObjectMapper json = new ObjectMapper();

  public ApiClient(int port) {
    this.base = "http://localhost:" + port;
  }

  /** A response: its status and parsed JSON body (null when empty). */
  public record Answer(int status, JsonNode body) {}

  public String tokenFor(String username) {
    Answer answer = post("/api/v1/auth/token", null, Map.of("username", username, "password", DEMO_PASSWORD));
    if (answer.status() != 200) {
      throw new IllegalStateException("sign-in of " + username + " failed: " + answer);
    }
    return answer.body().get("token").asText();
  }

  public Answer get(String path, String token) {
    return send(request(path, token).GET());
  }

  /** A GET in the language of {@code acceptLanguage} (e.g. "en"), as a client that asks for it would send it. */
  public Answer getIn(String path, String token, String acceptLanguage) {
    return send(request(path, token).header("Accept-Language", acceptLanguage).GET());
  }

  public Answer post(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  public Answer put(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  public Answer delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  public Answer withHeader(String path, String header, String value) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value).GET());
  }

  public Answer postWithHeader(String path, String header, String value, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header(header, value)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** Posts a body exactly as given (e.g. a signed payment notification), with the given headers and no sign-in. */
  public Answer postRaw(String path, java.util.Map<String, String> headers, String body) {
    var builder = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
    headers.forEach(builder::header);
    return send(builder.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private HttpRequest.Builder request(String path, String token) {
    var builder = HttpRequest.newBuilder(URI.create(base + path));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      boolean isJson = response.headers().firstValue("Content-Type").map(type -> type.contains("json")).orElse(true);
      // anything else (e.g. the Prometheus text format) comes back as one text node
      JsonNode body = response.body() == null || response.body().isBlank()
          ? null
          : isJson
              ? json.readTree(response.body())
              : com.fasterxml.jackson.databind.node.TextNode.valueOf(response.body());
      return new Answer(response.statusCode(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
