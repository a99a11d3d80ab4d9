package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PageController;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors on pages: a readable page in the user's language with the right status, never a stack trace. */
@ControllerAdvice(annotations = PageController.class)
class PageExceptionHandler {

  private final MessageSource messages;
  private final Problems problems;

  PageExceptionHandler(MessageSource messages, Problems problems) {
    this.messages = messages;
    this.problems = problems;
  }

  /**
   * Malformed input that Spring MVC or the database refused (parameters, form fields, uploads, SQLState 22/23): the
   * error page with the message in the user's language and the right 4xx status, never a 500.
   */
  @ExceptionHandler({TypeMismatchException.class, ServletRequestBindingException.class,
      MissingServletRequestPartException.class, BindException.class, MethodArgumentNotValidException.class,
      HandlerMethodValidationException.class, HttpMessageNotReadableException.class,
      HttpMediaTypeNotSupportedException.class, HttpRequestMethodNotSupportedException.class,
      MultipartException.class, DataAccessException.class, NoResourceFoundException.class})
  String refused(Exception exception, HttpServletResponse response, Model model, Locale locale) throws Exception {
    Problems.Problem problem = problems.of(exception);
    if (problem == null) {
      throw exception;
    }
    response.setStatus(problem.status().value());
    model.addAttribute("status", problem.status().value());
    model.addAttribute("message", problems.message(problem, locale));
    return "error";
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
