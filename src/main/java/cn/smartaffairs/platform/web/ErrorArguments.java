package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * An error message's arguments in the reader's words: a not-found record's internal kind ({@code canteenAccount})
 * becomes its name ({@code entity.canteenAccount}: 食堂账户) and its id stays digits, for pages and the API alike.
 */
final class ErrorArguments {

  private ErrorArguments() {}

  static Object[] of(BusinessRuleException exception, MessageSource messages, Locale locale) {
    Object[] arguments = exception.arguments();
    if (!(exception instanceof NotFoundException) || arguments.length == 0) {
      return arguments;
    }
    Object[] named = arguments.clone();
    named[0] = messages.getMessage("entity." + arguments[0], null, String.valueOf(arguments[0]), locale);
    for (int i = 1; i < named.length; i++) {
      // an id as it is written (1125), not as a quantity (1,125)
      named[i] = String.valueOf(named[i]);
    }
    return named;
  }
}
