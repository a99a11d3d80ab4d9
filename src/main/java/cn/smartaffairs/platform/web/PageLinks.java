package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.PageController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page {@code listLinks}, the links of a list page's table (another page, sort or size of the same search,
 * and its export), and {@code currentPath}, the path within the application, so the side menu can unfold the group
 * the page belongs to.
 */
@ControllerAdvice(annotations = PageController.class)
class PageLinks {

  /**
   * The links of a list page's table: sort, size, page jump and export of the same search (fragments/table). A list
   * shown in the answer to a form (a key just created) starts afresh: the posted fields, its CSRF token among them,
   * are the form's and never travel on in the list's links.
   */
  @ModelAttribute("listLinks")
  ListLinks listLinks(HttpServletRequest request) {
    return new ListLinks(request.getRequestURI(),
        "GET".equals(request.getMethod()) ? request.getParameterMap() : java.util.Map.of());
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
