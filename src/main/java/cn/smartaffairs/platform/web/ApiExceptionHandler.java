package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.ApiLocale;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
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

/**
 * Turns errors of the JSON API into RFC 9457 problem details with a message in the caller's language. It runs
 * before the page handler, which would otherwise also match REST controllers (they are controllers too).
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  private final MessageSource messages;
  private final Problems problems;

  ApiExceptionHandler(MessageSource messages, Problems problems) {
    this.messages = messages;
    this.problems = problems;
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException exception) {
    return problem(HttpStatus.NOT_FOUND, exception);
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException exception) {
    return problem(HttpStatus.CONFLICT, exception);
  }

  @ExceptionHandler(ForbiddenException.class)
  ProblemDetail forbidden(ForbiddenException exception) {
    return problem(HttpStatus.FORBIDDEN, exception);
  }

  @ExceptionHandler(BusinessRuleException.class)
  ProblemDetail ruleBroken(BusinessRuleException exception) {
    return problem(HttpStatus.BAD_REQUEST, exception);
  }

  @ExceptionHandler(org.springframework.security.access.AccessDeniedException.class)
  ProblemDetail accessDenied() {
    return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message("error.forbidden"));
  }

  @ExceptionHandler(OptimisticLockingFailureException.class)
  ProblemDetail concurrentChange(OptimisticLockingFailureException exception) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message("error.concurrentChange"));
  }

  /**
   * Everything Spring MVC, Jackson or the database refuse about a request (missing or malformed parameters, unreadable
   * or refused bodies, media types, methods, uploads, SQLState 22/23): 4xx problems in the caller's language.
   */
  @ExceptionHandler({MethodArgumentNotValidException.class, HttpMessageNotReadableException.class,
      TypeMismatchException.class, ServletRequestBindingException.class, MissingServletRequestPartException.class,
      BindException.class, HandlerMethodValidationException.class, HttpMediaTypeNotSupportedException.class,
      HttpMediaTypeNotAcceptableException.class, HttpRequestMethodNotSupportedException.class,
      NoResourceFoundException.class, MultipartException.class, DataAccessException.class,
      AsyncRequestTimeoutException.class, ErrorResponseException.class})
  ResponseEntity<ProblemDetail> refused(Exception exception) {
    Problems.Problem problem = problems.of(exception);
    if (problem == null) {
      return unexpected(exception);
    }
    return ResponseEntity.status(problem.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problems.detail(problem, locale()));
  }

  /** A fault of the server: logged with its stack, answered 500 in the caller's language without internals. */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception exception) {
    log.error("Unexpected error answering an API request", exception);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problems.detail(problems.forStatus(500), locale()));
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
