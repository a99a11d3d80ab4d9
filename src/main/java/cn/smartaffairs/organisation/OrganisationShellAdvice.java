package cn.smartaffairs.organisation;

import cn.smartaffairs.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** Puts the signed-in user's region and unit names into every page's top bar. */
@ControllerAdvice(annotations = Controller.class)
class OrganisationShellAdvice {

  private final OrganisationDirectory organisation;

  OrganisationShellAdvice(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  @ModelAttribute
  void shell(@AuthenticationPrincipal CurrentUser user, Model model) {
    // API keys call only the JSON API, which has no page shell (REST controllers are controllers too)
    if (user == null || user.isApiKey()) {
      return;
    }
    organisation.region(user.regionId()).ifPresent(region -> model.addAttribute("shellRegionName", region.name()));
    if (user.unitId() != null) {
      organisation.unitById(user.unitId()).ifPresent(unit -> model.addAttribute("shellUnitName", unit.name()));
    }
  }
}
