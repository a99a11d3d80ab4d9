package cn.smartaffairs.space;

import java.util.function.Supplier;
import org.springframework.ui.Model;

/** What the space pages share about their forms. */
final class SpaceForms {

  private SpaceForms() {}

  /** A page's empty form, unless a refused one came back with its errors (and what was typed). */
  static void addIfAbsent(Model model, String name, Supplier<Object> form) {
    if (!model.containsAttribute(name)) {
      model.addAttribute(name, form.get());
    }
  }
}
