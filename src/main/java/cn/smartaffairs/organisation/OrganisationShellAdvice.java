package cn.smartaffairs.organisation;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.security.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** Puts the signed-in user's region and unit names into every page's top bar. */
@ControllerAdvice(annotations = PageController.class)
class OrganisationShellAdvice {

  private final OrganisationDirectory organisation;

  OrganisationShellAdvice(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  @ModelAttribute
  void shell(@AuthenticationPrincipal CurrentUser user, Model model) {
    // pages only (PageController); an API key never renders one, but a stray one must not fail the page
    if (user == null || user.isApiKey()) {
      return;
    }
    organisation.region(user.regionId()).ifPresent(region -> model.addAttribute("shellRegionName", region.name()));
    if (user.unitId() != null) {
      organisation.unitById(user.unitId()).ifPresent(unit -> model.addAttribute("shellUnitName", unit.name()));
    }
  }
}
