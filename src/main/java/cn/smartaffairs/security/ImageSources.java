package cn.smartaffairs.security;

import java.util.List;

/**
 * Where pages may load images from besides the platform itself, as CSP source expressions
 * ({@code https://*.tianditu.gov.cn}): a module that shows pictures of another server (the live map's tiles) offers a
 * bean of this type, and the pages' content security policy allows exactly these in {@code img-src}.
 */
public interface ImageSources {

  List<String> imageSources();
}
