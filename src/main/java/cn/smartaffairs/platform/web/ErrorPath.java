package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.ApiLocale;
import cn.smartaffairs.platform.PageShell;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The servlet container's error path ({@code /error}), in place of Spring Boot's English default: what goes wrong
 * before a controller is chosen (no such address, method or media type not supported, a broken multipart body, the
 * firewall's refusals) or escapes the controller advice. Requests to {@code /api/**} (and callers that want JSON) get
 * an RFC 9457 problem with a Chinese detail, everyone else the error page in their language. A REST controller so that
 * the page shell's advice stays out of the error path; it adds the shell's attributes (top bar, menu) to its page itself.
 */
@org.springframework.web.bind.annotation.RestController
class ErrorPath implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ErrorPath.class);

  private final ErrorAttributes errors;
  private final Problems problems;
  private final ObjectMapper json;
  private final ObjectProvider<PageShell> shell;

  ErrorPath(ErrorAttributes errors, Problems problems, ObjectMapper json, ObjectProvider<PageShell> shell) {
    this.errors = errors;
    this.problems = problems;
    this.json = json;
    this.shell = shell;
  }

  @RequestMapping("/error")
  ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
    Throwable error = errors.getError(new ServletWebRequest(request));
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer number ? number : response.getStatus();
    Problems.Problem problem = error == null ? null : problems.of(error);
    if (problem == null) {
      problem = problems.forStatus(status < 400 ? 500 : status);
      if (problem.status().is5xxServerError()) {
        log.error("Error path reached with status {} for {}", status,
            request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), error);
      }
    }
    response.setStatus(problem.status().value());
    if (wantsProblem(request)) {
      Map<String, Object> body = json.convertValue(problems.detail(problem, ApiLocale.of(request)),
          new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
      return new ModelAndView(new ProblemView(body, json));
    }
    Locale locale = RequestContextUtils.getLocale(request);
    var page = new ModelAndView("error");
    // a signed-in person keeps the top bar and side menu, opened on the group of the address that failed
    shell.orderedStream().forEach(part -> page.addAllObjects(part.shellAttributes()));
    Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    page.addObject("currentPath", failed == null ? request.getRequestURI() : failed.toString());
    page.addObject("status", problem.status().value());
    page.addObject("message", problems.message(problem, locale));
    page.setStatus(problem.status());
    return page;
  }

  private static boolean wantsProblem(HttpServletRequest request) {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = uri == null ? request.getRequestURI() : uri.toString();
    if (path.startsWith("/api/") || path.startsWith("/v3/api-docs") || path.startsWith("/actuator/")) {
      return true;
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.contains("json") && !accept.contains("text/html");
  }

  /** Writes the problem as application/problem+json, whatever the caller's Accept said. */
  private record ProblemView(Map<String, Object> body, ObjectMapper json) implements View {

    @Override
    public String getContentType() { return MediaType.APPLICATION_PROBLEM_JSON_VALUE; }

    @Override
    public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
        throws Exception {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      json.writeValue(response.getOutputStream(), body);
    }
  }
}
