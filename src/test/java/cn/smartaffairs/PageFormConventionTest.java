package cn.smartaffairs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.platform.PageController;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A page form that asks a person to type something binds one form object with {@code @Valid} (docs/architecture.md,
 * "Page forms"), so each refused field is named beside it with what was typed. One-button actions and row forms may
 * still take request parameters: the row's version, a reason, a date; more than {@link #MOST_PARAMETERS} is a form.
 */
class PageFormConventionTest {

  static final int MOST_PARAMETERS = 2;

  /** Parameters that identify what a button acts on rather than what a person typed. */
  static final Set<String> IDENTIFYING = Set.of("version", "expectedVersion", "id", "returnTo", "back");

  @Test
  void everyPageFormWithTypedFieldsBindsAFormObject() throws Exception {
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(PageController.class));
    List<String> handwritten = new ArrayList<>();
    for (var candidate : scanner.findCandidateComponents("cn.smartaffairs")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      for (Method method : type.getDeclaredMethods()) {
        if (!AnnotatedElementUtils.hasAnnotation(method, PostMapping.class)) {
          continue;
        }
        long typed = Arrays.stream(method.getParameters()).filter(PageFormConventionTest::typedParameter).count();
        if (typed > MOST_PARAMETERS) {
          handwritten.add(type.getSimpleName() + "." + method.getName() + " (" + typed + ")");
        }
      }
    }
    assertThat(handwritten).as("page forms taking more than %d typed request parameters instead of a form object",
        MOST_PARAMETERS).isEmpty();
  }

  private static boolean typedParameter(Parameter parameter) {
    RequestParam param = parameter.getAnnotation(RequestParam.class);
    if (param == null) {
      return false;
    }
    String name = !param.name().isEmpty()
        ? param.name()
        : !param.value().isEmpty() ? param.value() : parameter.getName();
    return !IDENTIFYING.contains(name) && !java.util.Map.class.isAssignableFrom(parameter.getType());
  }
}
