package cn.smartaffairs.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;

/**
 * The language of API messages: Chinese unless the caller's Accept-Language asks for another. Pages use the
 * user's switch instead, so a browser's English preference does not override the Chinese-first interface.
 */
public final class ApiLocale {

  private ApiLocale() {}

  public static Locale of(HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    return header == null || header.isBlank() ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
  }
}
