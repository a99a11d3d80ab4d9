package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.ApiLocale;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns errors of the JSON API into RFC 9457 problem details with a message in the caller's language. It runs
 * before the page handler, which would otherwise also match REST controllers (they are controllers too).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

  private final MessageSource messages;

  ApiExceptionHandler(MessageSource messages) {
    this.messages = messages;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException exception) {
    return problem(HttpStatus.NOT_FOUND, exception);
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException exception) {
    return problem(HttpStatus.CONFLICT, exception);
  }

  @ExceptionHandler(BusinessRuleException.class)
  ProblemDetail ruleBroken(BusinessRuleException exception) {
    return problem(exception.isForbidden() ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST,
        exception);
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail accessDenied() {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message("error.forbidden"));
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrentChange(OptimisticLockingFailureException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message("error.concurrentChange"));
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ProblemDetail invalid(MethodArgumentNotValidException exception) {
    String detail = exception.getBindingResult().getFieldErrors().stream()
        .map(error -> error.getField() + ": " + messages.getMessage(error, locale()))
        .collect(Collectors.joining("; "));
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
  }

  @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
  ProblemDetail unreadable(Exception exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, message("error.unreadableRequest"));
  }

  private ProblemDetail problem(HttpStatus status, BusinessRuleException exception) {
    Locale locale = locale();
    var problem = ProblemDetail.forStatusAndDetail(status, messages.getMessage(exception.messageKey(),
        ErrorArguments.of(exception, messages, locale), exception.messageKey(), locale));
    problem.setProperty("code", exception.messageKey());
    return problem;
  }

  /** The request's API language: Chinese unless Accept-Language asks otherwise. */
  private static Locale locale() {
    var attributes = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
    return ApiLocale.of(attributes.getRequest());
  }

  private String message(String key) {
    return messages.getMessage(key, null, key, locale());
  }
}
