package cn.smartaffairs.access;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.printing.PdfPrinter;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 通行证: staff apply for a pass and show it as QR once approved; the security managers see every pass of their region
 * here too and revoke one with a reason.
 */
@PageController
class PassPageController {

  static final String PATH = "/passes";

  private final Passes passes;
  private final MessageSource messages;
  private final java.time.Clock clock;

  PassPageController(Passes passes, MessageSource messages, java.time.Clock clock) {
    this.passes = passes;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String list(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("passes", passes.visibleTo(user));
    model.addAttribute("kinds", PassKind.values());
    model.addAttribute("canApply", user.staffId() != null);
    model.addAttribute("manages", user.hasAny(AccessRoles.MANAGERS));
    if (!model.containsAttribute("passForm")) {
      PassForm form = new PassForm();
      form.setKind(PassKind.VEHICLE);
      form.setValidFrom(LocalDate.now(clock.withZone(Visit.BEIJING)));
      model.addAttribute("passForm", form);
    }
    return "access/passes";
  }

  @PostMapping(PATH)
  String apply(@Valid @ModelAttribute("passForm") PassForm form, BindingResult binding, RedirectAttributes redirect,
      Locale locale) {
    if (!binding.hasErrors()) {
      try {
        passes.apply(form.draft(), CurrentUsers.current());
        redirect.addFlashAttribute("flash", messages.getMessage("access.pass.applied", null, locale));
        return "redirect:" + PATH;
      } catch (BusinessRuleException e) {
        String field = switch (e.messageKey()) {
          case "access.plateInvalid" -> "plate";
          case "access.pass.validityInvalid" -> "validTo";
          case "access.pass.reasonRequired" -> "reason";
          default -> null;
        };
        String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
        if (field == null) {
          binding.reject(e.messageKey(), e.arguments(), message);
        } else {
          binding.rejectValue(field, e.messageKey(), e.arguments(), message);
        }
      }
    }
    return PageOutcome.redirectWithErrors(binding, PATH, redirect);
  }

  @GetMapping(PATH + "/{id:\\d+}")
  String pass(@PathVariable long id, Model model) {
    model.addAttribute("pass", passes.get(id, CurrentUsers.current()));
    return "access/pass";
  }

  @GetMapping(value = PATH + "/{id:\\d+}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
  @ResponseBody
  ResponseEntity<byte[]> qr(@PathVariable long id) {
    AccessPass pass = passes.get(id, CurrentUsers.current());
    if (pass.status() != PassStatus.ACTIVE) {
      throw new BusinessRuleException("access.pass.notActive");
    }
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
        .body(PdfPrinter.qrPng(pass.qrToken(), 240));
  }

  @PostMapping(PATH + "/{id:\\d+}/revoke")
  String revoke(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> passes.revoke(id, reason, CurrentUsers.current()),
        () -> messages.getMessage("access.pass.revoked", null, locale), PATH, redirect, messages, locale);
  }
}
