package cn.smartaffairs.telemetry;

import cn.smartaffairs.security.ImageSources;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The map under the live map and the track replay. {@code tileUrl} is a Leaflet tile template of a Web Mercator map
 * in WGS-84/CGCS2000 (an internal tile server, or 天地图's {@code vec_w} with a browser key:
 * {@code https://t{s}.tianditu.gov.cn/vec_w/wmts?...&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY}); {@code labelsUrl}
 * an optional layer of names drawn over it (天地图's {@code cva_w}); {@code subdomains} what {s} stands for. Empty (the
 * default) means no tiles: the map draws on a plain grid with the named places marked, as it does when the tile server
 * cannot be reached. The tile server's host is allowed in the pages' content security policy, and nothing else.
 * {@code refresh} is how often the live map asks for new positions.
 */
@ConfigurationProperties("affairs.telemetry.map")
public record MapProperties(String tileUrl, String labelsUrl, @DefaultValue("abc") String subdomains,
    String attribution, @DefaultValue("PT20S") Duration refresh) implements ImageSources {

  public MapProperties {
    tileUrl = tileUrl == null ? "" : tileUrl.strip();
    labelsUrl = labelsUrl == null ? "" : labelsUrl.strip();
    subdomains = subdomains == null || subdomains.isBlank() ? "abc" : subdomains.strip();
    attribution = attribution == null ? "" : attribution.strip();
    if (refresh == null || refresh.compareTo(Duration.ofSeconds(5)) < 0
        || refresh.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalStateException("affairs.telemetry.map.refresh must be between 5 seconds and 5 minutes");
    }
    imageSource(tileUrl);
    imageSource(labelsUrl);
  }

  @Override
  public List<String> imageSources() {
    List<String> sources = new ArrayList<>();
    imageSource(tileUrl).ifPresent(sources::add);
    imageSource(labelsUrl).ifPresent(sources::add);
    return sources;
  }

  /**
   * The CSP source of a tile template: its scheme, host and port, a host label holding a placeholder ({s}) widened to
   * "*" ({@code https://t{s}.tianditu.gov.cn/...} → {@code https://*.tianditu.gov.cn}); none for an empty template or
   * one on the platform's own address ({@code /tiles/{z}/{x}/{y}.png}). Anything else is refused at start.
   */
  static Optional<String> imageSource(String template) {
    if (template == null || template.isBlank() || template.startsWith("/") && !template.startsWith("//")) {
      return Optional.empty();
    }
    int schemeEnd = template.indexOf("://");
    String scheme = schemeEnd < 0 ? "" : template.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new IllegalStateException("a map tile address must start with https://, http:// or /: " + template);
    }
    String rest = template.substring(schemeEnd + 3);
    int pathStart = rest.indexOf('/');
    String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
    String port = "";
    int colon = authority.lastIndexOf(':');
    if (colon >= 0) {
      port = authority.substring(colon);
      authority = authority.substring(0, colon);
    }
    String[] labels = authority.split("\\.", -1);
    if (labels[0].contains("{")) {
      labels[0] = "*";
    }
    String host = String.join(".", labels);
    try {
      URI checked = new URI(scheme + "://" + host.replace("*", "wildcard") + port);
      if (checked.getHost() == null || host.indexOf('*', 1) >= 0 || host.contains("{")) {
        throw new URISyntaxException(template, "no host");
      }
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a map tile address needs a plain host name (only its first label may hold {s}): "
          + template);
    }
    return Optional.of(scheme + "://" + host + port);
  }
}
