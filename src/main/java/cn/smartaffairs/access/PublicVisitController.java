package cn.smartaffairs.access;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.printing.PdfPrinter;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The visitor's own pages, without sign-in: 访客预约 through a host's invitation link, and 访客通行码, the pass with its
 * QR code (whoever holds the token holds the pass; it lapses when the visit's window closes).
 */
@PageController
class PublicVisitController {

  private final Visits visits;
  private final MessageSource messages;

  PublicVisitController(Visits visits, MessageSource messages) {
    this.visits = visits;
    this.messages = messages;
  }

  @GetMapping("/visit/{token}")
  String requestForm(@PathVariable String token, Model model) {
    Visits.Invitation invitation = visits.invitation(token)
        .orElseThrow(() -> new NotFoundException("invitation", "—"));
    model.addAttribute("invitation", invitation);
    if (!model.containsAttribute("visitForm")) {
      VisitForm form = new VisitForm();
      form.setVisitOn(visits.today());
      model.addAttribute("visitForm", form);
    }
    return "access/visit-request";
  }

  @PostMapping("/visit/{token}")
  String request(@PathVariable String token, @Valid @ModelAttribute("visitForm") VisitForm form,
      BindingResult binding, Model model, Locale locale) {
    Visits.Invitation invitation = visits.invitation(token)
        .orElseThrow(() -> new NotFoundException("invitation", "—"));
    if (!binding.hasErrors()) {
      try {
        Visit visit = visits.request(token, form.draft(null));
        return "redirect:/visit/pass/" + visit.qrToken();
      } catch (BusinessRuleException e) {
        VisitFormErrors.place(e, binding, messages, locale);
      }
    }
    model.addAttribute("invitation", invitation);
    return "access/visit-request";
  }

  @GetMapping("/visit/pass/{token}")
  String pass(@PathVariable String token, Model model) {
    model.addAttribute("visit", visits.byPass(token).orElseThrow(() -> new NotFoundException("visitPass", "—")));
    return "access/visit-pass";
  }

  @GetMapping(value = "/visit/pass/{token}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
  @ResponseBody
  ResponseEntity<byte[]> qr(@PathVariable String token) {
    Visit visit = visits.byPass(token).orElseThrow(() -> new NotFoundException("visitPass", "—"));
    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_PNG)
        .body(PdfPrinter.qrPng(visit.qrToken(), 240));
  }
}
