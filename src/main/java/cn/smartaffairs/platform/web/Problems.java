package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.Violations;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import java.sql.SQLException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Whatever a request did wrong, in the reader's words: one translation of Spring MVC's, Jackson's and the database's
 * exceptions into a status, a message key and (where known) the field, for the API's problem details, the pages' error
 * page and the servlet container's error path alike. The database's refusals (SQLState) are the last resort for input
 * the checks in front missed: they answer 400/404/409 and are logged, so that the gap gets closed.
 */
@Component
class Problems {

  private static final Logger log = LoggerFactory.getLogger(Problems.class);

  /** What went wrong: status, message key and arguments, and the request field it concerns (or null). */
  record Problem(HttpStatus status, String messageKey, Object[] arguments, String field) {

    Problem(HttpStatus status, String messageKey) {
      this(status, messageKey, new Object[0], null);
    }

    static Problem of(HttpStatus status, String messageKey, String field, Object... arguments) {
      return new Problem(status, messageKey, arguments, field);
    }
  }

  private final MessageSource messages;

  Problems(MessageSource messages) {
    this.messages = messages;
  }

  /** The problem of an exception that a request caused, or null when it is not the request's fault. */
  Problem of(Throwable error) {
    if (error instanceof HttpMessageNotReadableException unreadable) {
      return unreadableBody(unreadable.getCause());
    }
    if (error instanceof MethodArgumentTypeMismatchException mismatch) {
      return mismatch(mismatch, mismatch.getName());
    }
    if (error instanceof TypeMismatchException mismatch) {
      return mismatch(mismatch, mismatch.getPropertyName());
    }
    if (error instanceof MissingServletRequestParameterException missing) {
      return Problem.of(HttpStatus.BAD_REQUEST, "error.input.missingParameter", missing.getParameterName());
    }
    if (error instanceof MissingServletRequestPartException missing) {
      return Problem.of(HttpStatus.BAD_REQUEST, "error.input.missingPart", missing.getRequestPartName());
    }
    if (error instanceof MissingPathVariableException missing) {
      return Problem.of(HttpStatus.BAD_REQUEST, "error.input.badParameter", missing.getVariableName());
    }
    if (error instanceof MethodArgumentNotValidException invalid) {
      return invalid(invalid.getBindingResult());
    }
    if (error instanceof BindException invalid) {
      return invalid(invalid.getBindingResult());
    }
    if (error instanceof HandlerMethodValidationException || error instanceof ServletRequestBindingException) {
      return new Problem(HttpStatus.BAD_REQUEST, "error.unreadableRequest");
    }
    if (error instanceof HttpMediaTypeNotSupportedException) {
      return new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.input.unsupportedMediaType");
    }
    if (error instanceof HttpRequestMethodNotSupportedException) {
      return new Problem(HttpStatus.METHOD_NOT_ALLOWED, "error.input.methodNotAllowed");
    }
    if (error instanceof HttpMediaTypeNotAcceptableException) {
      return new Problem(HttpStatus.NOT_ACCEPTABLE, "error.input.notAcceptable");
    }
    if (error instanceof NoResourceFoundException || error instanceof NoHandlerFoundException) {
      return new Problem(HttpStatus.NOT_FOUND, "error.input.noSuchAddress");
    }
    if (error instanceof MaxUploadSizeExceededException) {
      return new Problem(HttpStatus.PAYLOAD_TOO_LARGE, "error.input.uploadTooLarge");
    }
    if (error instanceof MultipartException) {
      return new Problem(HttpStatus.BAD_REQUEST, "error.input.brokenUpload");
    }
    if (error instanceof AsyncRequestTimeoutException) {
      return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "error.unavailable");
    }
    if (error instanceof IncorrectResultSizeDataAccessException) {
      log.warn("A lookup found no record where one was expected (answered 404): {}", error.getMessage());
      return new Problem(HttpStatus.NOT_FOUND, "error.input.noSuchRecord");
    }
    if (error instanceof DataAccessException refused) {
      return database(refused);
    }
    if (error instanceof ErrorResponse response) {
      return forStatus(response.getStatusCode().value());
    }
    return null;
  }

  /** The problem for a bare status (the servlet container's error path when no exception is known). */
  Problem forStatus(int status) {
    HttpStatus known = HttpStatus.resolve(status);
    HttpStatus resolved = known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known;
    String key = switch (status) {
      case 401 -> "error.unauthorized";
      case 403 -> "error.forbidden";
      case 404 -> "error.input.noSuchAddress";
      case 405 -> "error.input.methodNotAllowed";
      case 406 -> "error.input.notAcceptable";
      case 413 -> "error.input.uploadTooLarge";
      case 415 -> "error.input.unsupportedMediaType";
      case 503 -> "error.unavailable";
      default -> status >= 500 ? "error.internal" : "error.unreadableRequest";
    };
    return new Problem(resolved, key);
  }

  /** The message alone, for a person reading a page (no technical field names). */
  String message(Problem problem, Locale locale) {
    return messages.getMessage(problem.messageKey(), problem.arguments(), problem.messageKey(), locale);
  }

  /** An RFC 9457 problem: the message, after the field it concerns, and the field as its own property. */
  ProblemDetail detail(Problem problem, Locale locale) {
    String message = message(problem, locale);
    var detail = ProblemDetail.forStatusAndDetail(problem.status(),
        problem.field() == null ? message : problem.field() + "：" + message);
    if (problem.field() != null) {
      detail.setProperty("field", problem.field());
    }
    detail.setProperty("code", problem.messageKey());
    return detail;
  }

  private Problem unreadableBody(Throwable cause) {
    if (cause == null) {
      // Spring's "Required request body is missing"
      return new Problem(HttpStatus.BAD_REQUEST, "error.input.missingBody");
    }
    if (cause instanceof JsonMappingException mapping) {
      String field = path(mapping);
      if (mapping instanceof RequestJson.RefusedJson refusedJson) {
        InputLimits.Refused refused = refusedJson.refused();
        return new Problem(HttpStatus.BAD_REQUEST, refused.messageKey(), refused.arguments(), field);
      }
      if (mapping instanceof InvalidNullException) {
        return Problem.of(HttpStatus.BAD_REQUEST, "error.input.nullItem", field);
      }
      if (field != null) {
        return Problem.of(HttpStatus.BAD_REQUEST, "error.input.badValue", field);
      }
    }
    if (cause instanceof JsonProcessingException) {
      return new Problem(HttpStatus.BAD_REQUEST, "error.unreadableRequest");
    }
    return new Problem(HttpStatus.BAD_REQUEST, "error.unreadableRequest");
  }

  private static Problem mismatch(TypeMismatchException mismatch, String name) {
    for (Throwable cause = mismatch; cause != null; cause = cause.getCause()) {
      if (cause instanceof InputLimits.Refused refused) {
        return new Problem(HttpStatus.BAD_REQUEST, refused.messageKey(), refused.arguments(), name);
      }
    }
    return Problem.of(HttpStatus.BAD_REQUEST, "error.input.badParameter", name);
  }

  private static Problem invalid(BindingResult result) {
    FieldError first = result.getFieldError();
    if (first == null) {
      return new Problem(HttpStatus.BAD_REQUEST, "error.unreadableRequest");
    }
    if (first.contains(TypeMismatchException.class)) {
      return mismatch(first.unwrap(TypeMismatchException.class), first.getField());
    }
    // the constraint's own message key (e.g. {jakarta.validation.constraints.Size.message}) in the reader's language
    return new Problem(HttpStatus.BAD_REQUEST, "error.input.invalid", new Object[] {first}, first.getField());
  }

  /** SQLState classes 22 (data) and 23 (integrity) as the request's fault; anything else stays a server error. */
  private static Problem database(DataAccessException refused) {
    SQLException sql = Violations.sqlException(refused).orElse(null);
    if (sql == null) {
      return null;
    }
    String state = sql.getSQLState();
    String message = sql.getMessage();
    Problem problem = Violations.isUniqueViolation(refused) || Violations.isExclusionViolation(refused)
        ? new Problem(HttpStatus.CONFLICT, "error.data.duplicate")
        : switch (state) {
          case "22001" -> new Problem(HttpStatus.BAD_REQUEST, "error.data.tooLong");
          case "22P05", "22021" -> new Problem(HttpStatus.BAD_REQUEST, "error.data.badCharacters");
          case "22008", "22007" -> new Problem(HttpStatus.BAD_REQUEST, "error.data.dateOutOfRange");
          case "22003" -> new Problem(HttpStatus.BAD_REQUEST, "error.data.numberOutOfRange");
          case "22P02", "22023" -> new Problem(HttpStatus.BAD_REQUEST, "error.data.badValue");
          case "23502" -> new Problem(HttpStatus.BAD_REQUEST, "error.data.missingValue");
          case "23503" -> message != null && message.contains("is still referenced")
              ? new Problem(HttpStatus.CONFLICT, "error.data.stillReferenced")
              : new Problem(HttpStatus.NOT_FOUND, "error.data.referenceMissing");
          case "23514" -> new Problem(HttpStatus.BAD_REQUEST, "error.data.ruleBroken");
          case "40001", "40P01", "55P03" -> new Problem(HttpStatus.CONFLICT, "error.data.busy");
          default -> null;
        };
    if (problem != null) {
      // the checks in front of the database should have caught this: logged so that the gap gets closed
      log.warn("The database refused a request's input (SQLState {}, answered {}): {}", state,
          problem.status().value(), message);
    }
    return problem;
  }

  private static String path(JsonMappingException mapping) {
    var path = new StringBuilder();
    for (JsonMappingException.Reference reference : mapping.getPath()) {
      if (reference.getFieldName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? null : path.toString();
  }
}
