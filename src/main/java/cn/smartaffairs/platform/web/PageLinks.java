package cn.smartaffairs.platform.web;

import cn.smartaffairs.platform.PageController;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Gives every page {@code pageLinkBase}: the current path and query without its page number, ending in
 * {@code page=}, so that the paging bar links to another page of the same search; and {@code currentPath}, the path
 * within the application, so the side menu can unfold the group the page belongs to; and {@code listLinks} for the
 * table of a list page.
 */
@ControllerAdvice(annotations = PageController.class)
class PageLinks {

  @ModelAttribute("pageLinkBase")
  String pageLinkBase(HttpServletRequest request) {
    String query = UriComponentsBuilder.newInstance().query(request.getQueryString()).replaceQueryParam("page")
        .build().getQuery();
    return request.getRequestURI() + "?" + (query == null || query.isEmpty() ? "" : query + "&") + "page=";
  }

  /** The links of a list page's table: sort, size, page jump and export of the same search (fragments/table). */
  @ModelAttribute("listLinks")
  ListLinks listLinks(HttpServletRequest request) {
    return new ListLinks(request.getRequestURI(), request.getParameterMap());
  }

  @ModelAttribute("currentPath")
  String currentPath(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
