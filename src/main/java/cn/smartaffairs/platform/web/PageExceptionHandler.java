package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageShell;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
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

/**
 * Errors on pages: a readable page in the user's language with the right status, never a stack trace, inside the
 * page shell (top bar and side menu) for a signed-in person.
 */
@ControllerAdvice(annotations = PageController.class)
class PageExceptionHandler {

  private final MessageSource messages;
  private final Problems problems;
  private final ObjectProvider<PageShell> shell;

  PageExceptionHandler(MessageSource messages, Problems problems, ObjectProvider<PageShell> shell) {
    this.messages = messages;
    this.problems = problems;
    this.shell = shell;
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
    model.addAttribute("message", problems.message(problem, locale));
    return errorPage(model, response);
  }

  @ExceptionHandler(NotFoundException.class)
  String notFound(NotFoundException exception, HttpServletResponse response, Model model, Locale locale) {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    return page(exception, response, model, locale);
  }

  @ExceptionHandler(BusinessRuleException.class)
  String ruleBroken(BusinessRuleException exception, HttpServletResponse response, Model model, Locale locale) {
    response.setStatus(exception instanceof ForbiddenException
        ? HttpServletResponse.SC_FORBIDDEN
        : exception instanceof ConflictException
            ? HttpServletResponse.SC_CONFLICT
            : HttpServletResponse.SC_BAD_REQUEST);
    return page(exception, response, model, locale);
  }

  @ExceptionHandler(AccessDeniedException.class)
  String forbidden(HttpServletResponse response, Model model, Locale locale) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("message", messages.getMessage("error.forbidden", null, locale));
    return errorPage(model, response);
  }

  private String page(BusinessRuleException exception, HttpServletResponse response, Model model, Locale locale) {
    Object[] arguments = ErrorArguments.of(exception, messages, locale);
    model.addAttribute("message",
        messages.getMessage(exception.messageKey(), arguments, exception.messageKey(), locale));
    return errorPage(model, response);
  }

  /** An exception handler's model is fresh: the shell's attributes are added here, as the advice adds them to pages. */
  private String errorPage(Model model, HttpServletResponse response) {
    shell.orderedStream().forEach(part -> model.addAllAttributes(part.shellAttributes()));
    model.addAttribute("status", response.getStatus());
    model.addAttribute("currentPath", currentPath());
    return "error";
  }

  private static String currentPath() {
    var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
    return attributes instanceof org.springframework.web.context.request.ServletRequestAttributes servlet
        ? servlet.getRequest().getRequestURI()
        : "";
  }
}
