package cn.smartaffairs.access;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 停车场: the security managers' register of lots (zones, gates, public opening window) with their occupancy, and the
 * public board of free places (错时开放车位) without sign-in.
 */
@PageController
class ParkingPageController {

  static final String PATH = "/security/parking";

  private final ParkingLots lots;
  private final MessageSource messages;
  private final Clock clock;

  ParkingPageController(ParkingLots lots, MessageSource messages, Clock clock) {
    this.lots = lots;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String register(Model model) {
    model.addAttribute("lots", lots.managed(CurrentUsers.current()));
    model.addAttribute("zoneKinds", ParkingZoneKind.values());
    model.addAttribute("now", LocalDateTime.now(clock.withZone(Visit.BEIJING)));
    if (!model.containsAttribute("lotForm")) {
      model.addAttribute("lotForm", new ParkingLotForm());
    }
    return "access/parking";
  }

  @PostMapping(PATH)
  String add(@Valid @ModelAttribute("lotForm") ParkingLotForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (!binding.hasErrors()) {
      try {
        ParkingLot lot = lots.register(form.draft(), CurrentUsers.current());
        redirect.addFlashAttribute("flash", messages.getMessage("access.parking.added", new Object[] {lot.name()},
            locale));
        return "redirect:" + PATH;
      } catch (BusinessRuleException e) {
        String field = switch (e.messageKey()) {
          case "access.parking.nameRequired", "access.parking.nameTaken" -> "name";
          case "access.parking.windowInvalid" -> "publicCloses";
          case "access.parking.gateTaken", "access.gate.gateRequired" -> "gates";
          default -> "publicPlaces";
        };
        binding.rejectValue(field, e.messageKey(), e.arguments(),
            messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      }
    }
    return PageOutcome.redirectWithErrors(binding, PATH, redirect);
  }

  @GetMapping("/parking")
  String board(Model model) {
    model.addAttribute("lots", lots.all());
    model.addAttribute("zoneKinds", ParkingZoneKind.values());
    model.addAttribute("now", LocalDateTime.now(clock.withZone(Visit.BEIJING)));
    return "access/parking-board";
  }
}
