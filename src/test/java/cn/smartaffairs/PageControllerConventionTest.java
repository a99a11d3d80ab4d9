package cn.smartaffairs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.platform.PageController;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every controller is either a page controller (gets the page shell's advice) or a REST controller (gets none of it):
 * a plain {@code @Controller} would render pages without the top bar, menu state and error pages.
 */
class PageControllerConventionTest {

  @Test
  void everyControllerIsAPageControllerOrARestController() throws Exception {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
    List<String> plain = new java.util.ArrayList<>();
    int pages = 0;
    for (var candidate : scanner.findCandidateComponents("cn.smartaffairs")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      boolean page = AnnotatedElementUtils.hasAnnotation(type, PageController.class);
      boolean rest = AnnotatedElementUtils.hasAnnotation(type, RestController.class);
      pages += page ? 1 : 0;
      if (page == rest) {
        plain.add(type.getName());
      }
    }
    assertThat(plain).as("controllers that are neither (or both) page and REST controllers").isEmpty();
    assertThat(pages).isGreaterThan(20);
  }
}
