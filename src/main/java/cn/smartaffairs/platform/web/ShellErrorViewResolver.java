package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.PageShell;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page (an unknown address, a page refused by the security filters, a failure outside a page
 * controller) in the page shell: the same {@code error} template as a page's own errors, with the top bar's
 * attributes, so that a signed-in person keeps the top bar and side menu.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ShellErrorViewResolver implements ErrorViewResolver {

  private final ObjectProvider<PageShell> shell;

  ShellErrorViewResolver(ObjectProvider<PageShell> shell) {
    this.shell = shell;
  }

  @Override
  public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    Map<String, Object> attributes = new LinkedHashMap<>(model);
    shell.orderedStream().forEach(part -> attributes.putAll(part.shellAttributes()));
    // the side menu opens the group of the address that failed
    attributes.put("currentPath", String.valueOf(model.getOrDefault("path", "")));
    return new ModelAndView("error", attributes, status);
  }
}
