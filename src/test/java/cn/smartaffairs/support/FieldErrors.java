package cn.smartaffairs.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a page's form as a person's screen reader would: the messages shown beside one field (the fields fragment's
 * {@code id="<field>-error"} block) and whether the input itself is marked invalid and points at them.
 */
public final class FieldErrors {

  private FieldErrors() {}

  /** The messages beside the field with this id (one per line); empty when it shows none. */
  public static List<String> of(String html, String fieldId) {
    Matcher block = Pattern.compile("id=\"" + Pattern.quote(fieldId + "-error") + "\">([^<]*(?:<br>[^<]*)*)</div>")
        .matcher(html);
    List<String> messages = new ArrayList<>();
    if (block.find()) {
      for (String line : block.group(1).split("<br>")) {
        messages.add(line.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&amp;", "&"));
      }
    }
    return messages;
  }

  /** Whether the input (or select, textarea) with this id is marked invalid and described by its messages. */
  public static boolean marked(String html, String fieldId) {
    Matcher input = Pattern.compile("<(?:input|select|textarea)[^>]*\\bid=\"" + Pattern.quote(fieldId) + "\"[^>]*>")
        .matcher(html);
    return input.find() && input.group().contains("is-invalid")
        && input.group().matches("(?s).*aria-describedby=\"[^\"]*" + Pattern.quote(fieldId + "-error") + ".*");
  }

  /** The value attribute of the input with this id, as the page shows it back. */
  public static String value(String html, String fieldId) {
    Matcher input = Pattern.compile("<input[^>]*\\bid=\"" + Pattern.quote(fieldId) + "\"[^>]*>").matcher(html);
    if (!input.find()) {
      return null;
    }
    Matcher value = Pattern.compile("\\bvalue=\"([^\"]*)\"").matcher(input.group());
    return value.find() ? value.group(1) : null;
  }
}
