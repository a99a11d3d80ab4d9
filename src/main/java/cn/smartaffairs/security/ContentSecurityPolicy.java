package cn.smartaffairs.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The pages' content security policy: everything from the platform itself, no inline scripts, and images also from
 * the sources the modules name ({@link ImageSources}, e.g. a map's tile server).
 */
final class ContentSecurityPolicy {

  /** scheme://host[:port], the host's first label possibly the wildcard "*". */
  private static final Pattern SOURCE = Pattern.compile("https?://(\\*\\.)?[A-Za-z0-9.-]+(:[0-9]{1,5})?");

  private ContentSecurityPolicy() {}

  static String of(Collection<String> imageSources) {
    Set<String> images = new LinkedHashSet<>();
    images.add("'self'");
    images.add("data:");
    images.add("blob:");
    for (String source : imageSources) {
      // a source comes from the configuration; one that is no plain origin could widen or break the policy
      if (!SOURCE.matcher(source).matches()) {
        throw new IllegalStateException("not an image source for the content security policy: " + source);
      }
      images.add(source);
    }
    return "default-src 'self'; img-src " + String.join(" ", images) + "; style-src 'self' 'unsafe-inline'; "
        + "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
  }
}
