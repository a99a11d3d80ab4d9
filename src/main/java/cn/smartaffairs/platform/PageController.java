package cn.smartaffairs.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller that renders pages (Thymeleaf, htmx fragments). The page shell's advice — top bar, side menu, paging
 * links, error pages — applies to these only. A {@code @RestController} is a {@code @Controller} too, so advice keyed
 * on {@code @Controller} ran its model-attribute methods on every JSON API call as well, for nothing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface PageController {

  @AliasFor(annotation = Controller.class)
  String value() default "";
}
