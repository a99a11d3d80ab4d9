package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors on pages: a readable page in the user's language with the right status, never a stack trace. */
@ControllerAdvice(annotations = PageController.class)
class PageExceptionHandler {

  private final MessageSource messages;

  PageExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException exception, HttpServletResponse response, Model model, Locale locale) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return page(exception, model, locale);
  }

  @ExceptionHandler(BusinessRuleException.class)
  String ruleBroken(BusinessRuleException exception, HttpServletResponse response, Model model, Locale locale) {
    response.setStatus(exception.isForbidden() ? HttpServletResponse.SC_FORBIDDEN
        : exception instanceof cn.smartaffairs.platform.ConflictException ? HttpServletResponse.SC_CONFLICT
        : HttpServletResponse.SC_BAD_REQUEST);
    return page(exception, model, locale);
  }

  @ExceptionHandler(AccessDeniedException.class)
  String forbidden(HttpServletResponse response, Model model, Locale locale) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("message", messages.getMessage("error.forbidden", null, locale));
    return "error";
  }

  private String page(BusinessRuleException exception, Model model, Locale locale) {
    Object[] arguments = ErrorArguments.of(exception, messages, locale);
    model.addAttribute("message", messages.getMessage(exception.messageKey(), arguments, exception.messageKey(), locale));
    return "error";
  }
}
