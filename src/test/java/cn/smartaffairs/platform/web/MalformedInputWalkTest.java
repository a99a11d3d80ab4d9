package cn.smartaffairs.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every operation of the OpenAPI description, sent a fixed battery of malformed requests by a platform administrator:
 * no answer may be a 5xx, and every refusal must be an RFC 9457 problem whose detail is in Chinese. Path variables are
 * always ids that do not exist (or malformed ones), so that no demo record is changed or deleted; the bodies are all
 * malformed, so that nothing is created either (except where an empty {@code {}} happens to be a valid request).
 */
@IntegrationTest
class MalformedInputWalkTest {

  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  private static final String MISSING_ID = "987654321";
  private static final String ONE_MEGABYTE = "长".repeat(1024 * 1024 / 3);
  private static final String TOO_LONG_PARAMETER = "x".repeat(3000);

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> failures = new ArrayList<>();
  private int sent;
  private JsonNode components;
  private String token;

  @Test
  void everyOperationAnswersMalformedRequestsWithAChineseProblemAndNeverA5xx() throws Exception {
    token = new ApiClient(port).tokenFor("admin");
    JsonNode description = new ApiClient(port).get("/v3/api-docs", token).body();
    components = description.path("components").path("schemas");
    int operations = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = description.path("paths").fields(); paths.hasNext();) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
        Map.Entry<String, JsonNode> method = methods.next();
        if (List.of("get", "post", "put", "delete", "patch").contains(method.getKey())) {
          walk(path.getKey(), method.getKey().toUpperCase(), method.getValue());
          operations++;
        }
      }
      // a method the path does not offer
      send("PATCH " + path.getKey(), "PATCH", path(path.getKey(), MISSING_ID), null, null);
    }
    send("unknown address", "GET", "/api/v1/no-such-address", null, null);

    assertThat(operations).as("operations in the OpenAPI description").isGreaterThan(100);
    assertThat(failures).as("of %d malformed requests to %d operations, these were answered with a 5xx or without"
        + " a Chinese problem detail", sent, operations).isEmpty();
  }

  private void walk(String template, String method, JsonNode operation) {
    String name = method + " " + template;
    String url = path(template, MISSING_ID);
    List<JsonNode> parameters = new ArrayList<>();
    operation.path("parameters").forEach(parameter -> {
      if ("query".equals(parameter.path("in").asText())) {
        parameters.add(parameter);
      }
    });
    boolean hasPathVariables = template.contains("{");

    // path variables: negative, beyond long, not a number (a valid query alongside)
    if (hasPathVariables) {
      for (String id : List.of("-1", "99999999999999999999", "abc")) {
        send(name + " with id " + id, method, path(template, id) + query(parameters, this::validValue), null, null);
      }
    }
    // query parameters: missing, malformed, NUL and control characters, over-long, dates out of range
    if (!parameters.isEmpty()) {
      send(name + " without parameters", method, url, null, null);
      send(name + " with malformed parameters", method, url + query(parameters, p -> malformed(p, "abc", "a\u0000b")),
          null, null);
      send(name + " with control characters", method, url + query(parameters, p -> malformed(p, "1.5", "a\u0007b")),
          null, null);
      send(name + " with over-long parameters", method,
          url + query(parameters, p -> malformed(p, "99999999999999999999", TOO_LONG_PARAMETER)), null, null);
      send(name + " with dates of year 10000", method, url + query(parameters, p -> dated(p, "+10000-01-01")),
          null, null);
      send(name + " with dates of year 0", method, url + query(parameters, p -> dated(p, "0000-01-01")), null, null);
    }
    String validQuery = query(parameters, this::validValue);
    JsonNode content = operation.path("requestBody").path("content");
    if (content.has("multipart/form-data")) {
      String boundary = "walk-boundary";
      send(name + " with a broken multipart body", method, url + validQuery,
          "multipart/form-data; boundary=" + boundary,
          "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jpg\"\r\n"
              + "Content-Type: image/jpeg\r\n\r\nnot a picture and no closing boundary");
      send(name + " with an empty multipart body", method, url + validQuery,
          "multipart/form-data; boundary=" + boundary, "--" + boundary + "--\r\n");
      send(name + " with text instead of multipart", method, url + validQuery, "text/plain", "hello");
    } else if (content.has("application/json")) {
      JsonNode schema = resolve(content.path("application/json").path("schema"));
      send(name + " without a body", method, url + validQuery, "application/json", "");
      send(name + " with {}", method, url + validQuery, "application/json", "{}");
      send(name + " with a text body", method, url + validQuery, "text/plain", "hello");
      send(name + " with a form body", method, url + validQuery, "application/x-www-form-urlencoded", "a=b&c=%00");
      send(name + " with broken JSON", method, url + validQuery, "application/json", "{\"a\": ");
      send(name + " with [null]", method, url + validQuery, "application/json", "[null]");
      Sample nullItems = new Sample(s -> "x", "2026-03-02", "2026-03-02T09:00:00", true);
      if (nullItems.hasArray(schema, 0)) {
        send(name + " with [null] items", method, url + validQuery, "application/json",
            nullItems.of(schema, 0).toString());
      }
      Sample nul = new Sample(s -> "a\u0000b", "2026-03-02", "2026-03-02T09:00:00", false);
      if (nul.hasString(schema, 0)) {
        send(name + " with NUL in every string", method, url + validQuery, "application/json",
            nul.of(schema, 0).toString());
        send(name + " with control characters in every string", method, url + validQuery, "application/json",
            new Sample(s -> "a\u001bb", "2026-03-02", "2026-03-02T09:00:00", false).of(schema, 0).toString());
        send(name + " with 1 MB strings", method, url + validQuery, "application/json",
            new Sample(firstOnly(ONE_MEGABYTE), "2026-03-02", "2026-03-02T09:00:00", false).of(schema, 0).toString());
      }
      Sample farFuture = new Sample(s -> "x", "+10000-01-01", "+10000-01-01T09:00:00", false);
      if (farFuture.hasDate(schema, 0)) {
        send(name + " with year 10000 dates", method, url + validQuery, "application/json",
            farFuture.of(schema, 0).toString());
        send(name + " with year 0 dates", method, url + validQuery, "application/json",
            new Sample(s -> "x", "0000-01-01", "0000-01-01T09:00:00", false).of(schema, 0).toString());
      }
    } else {
      send(name + " with a body it does not take", method, url + validQuery, "application/json",
          "{\"unexpected\": \"a\u0000b\"}");
      send(name + " with a text body it does not take", method, url + validQuery, "text/plain", "hello");
    }
  }

  private void send(String what, String method, String url, String contentType, String body) {
    sent++;
    var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      int status = response.statusCode();
      String type = response.headers().firstValue("Content-Type").orElse("");
      if (status >= 500) {
        failures.add(what + ": " + status + " " + excerpt(response.body()));
      } else if (status >= 400) {
        String detail = null;
        if (type.startsWith("application/problem+json")) {
          detail = json.readTree(response.body()).path("detail").asText(null);
        }
        if (detail == null || !HAN.matcher(detail).find()) {
          failures.add(what + ": " + status + " " + type + " " + excerpt(response.body()));
        }
      }
    } catch (java.io.IOException e) {
      failures.add(what + ": no answer (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The text for the first string field of a body, "x" for the others (keeps the bodies about 1 MB). */
  private static Function<JsonNode, String> firstOnly(String text) {
    var used = new java.util.concurrent.atomic.AtomicBoolean();
    return schema -> used.getAndSet(true) ? "x" : text;
  }

  private static String excerpt(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private static String path(String template, String id) {
    return template.replaceAll("\\{[^}]+}", URLEncoder.encode(id, StandardCharsets.UTF_8));
  }

  private static String query(List<JsonNode> parameters, Function<JsonNode, String> value) {
    var query = new StringBuilder();
    for (JsonNode parameter : parameters) {
      String text = value.apply(parameter);
      if (text != null) {
        query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asText()).append('=')
            .append(URLEncoder.encode(text, StandardCharsets.UTF_8));
      }
    }
    return query.toString();
  }

  private String validValue(JsonNode parameter) {
    JsonNode schema = resolve(parameter.path("schema"));
    if (schema.has("enum")) {
      return schema.path("enum").get(0).asText();
    }
    return switch (schema.path("type").asText()) {
      case "integer", "number" -> "1";
      case "boolean" -> "true";
      case "array" -> "1";
      default -> switch (schema.path("format").asText()) {
        case "date" -> "2026-03-02";
        case "date-time" -> "2026-03-02T09:00:00";
        default -> "x";
      };
    };
  }

  private String malformed(JsonNode parameter, String number, String text) {
    JsonNode schema = resolve(parameter.path("schema"));
    String type = schema.path("type").asText();
    return type.equals("string") && !schema.has("format") && !schema.has("enum") ? text : number;
  }

  private String dated(JsonNode parameter, String date) {
    JsonNode schema = resolve(parameter.path("schema"));
    return switch (schema.path("format").asText()) {
      case "date" -> date;
      case "date-time" -> date + "T09:00:00";
      default -> validValue(parameter);
    };
  }

  private JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asText(null);
    return ref == null ? schema : components.path(ref.substring(ref.lastIndexOf('/') + 1));
  }

  /** A body for a schema whose strings, dates and list items are the given (malformed) ones. */
  private final class Sample {

    private final Function<JsonNode, String> text;
    private final String date;
    private final String dateTime;
    private final boolean nullItems;

    Sample(Function<JsonNode, String> text, String date, String dateTime, boolean nullItems) {
      this.text = text;
      this.date = date;
      this.dateTime = dateTime;
      this.nullItems = nullItems;
    }

    JsonNode of(JsonNode schema, int depth) {
      JsonNode resolved = resolve(schema);
      var nodes = JsonNodeFactory.instance;
      if (depth > 4) {
        return nodes.nullNode();
      }
      if (resolved.has("enum")) {
        return nodes.textNode(resolved.path("enum").get(0).asText());
      }
      String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "");
      switch (type) {
        case "object" : {
          ObjectNode object = nodes.objectNode();
          Map<String, JsonNode> properties = new LinkedHashMap<>();
          resolved.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), e.getValue()));
          properties.forEach((name, property) -> object.set(name, of(property, depth + 1)));
          return object;
        }
        case "array" : {
          ArrayNode array = nodes.arrayNode();
          array.add(nullItems ? nodes.nullNode() : of(resolved.path("items"), depth + 1));
          return array;
        }
        case "integer" :
        case "number" :
          return nodes.numberNode(1);
        case "boolean" :
          return nodes.booleanNode(true);
        case "string" :
          return switch (resolved.path("format").asText()) {
            case "date" -> nodes.textNode(date);
            case "date-time" -> nodes.textNode(dateTime);
            case "binary", "byte" -> nodes.textNode("x");
            default -> nodes.textNode(text.apply(resolved));
          };
        default :
          return nodes.nullNode();
      }
    }

    boolean hasString(JsonNode schema, int depth) {
      return has(schema, depth, s -> "string".equals(s.path("type").asText()) && !s.has("enum")
          && !s.has("format"));
    }

    boolean hasDate(JsonNode schema, int depth) {
      return has(schema, depth, s -> "string".equals(s.path("type").asText())
          && List.of("date", "date-time").contains(s.path("format").asText()));
    }

    boolean hasArray(JsonNode schema, int depth) {
      return has(schema, depth, s -> "array".equals(s.path("type").asText()));
    }

    private boolean has(JsonNode schema, int depth, java.util.function.Predicate<JsonNode> kind) {
      JsonNode resolved = resolve(schema);
      if (depth > 4) {
        return false;
      }
      if (kind.test(resolved)) {
        return true;
      }
      for (JsonNode property : resolved.path("properties")) {
        if (has(property, depth + 1, kind)) {
          return true;
        }
      }
      return resolved.has("items") && has(resolved.path("items"), depth + 1, kind);
    }
  }
}
