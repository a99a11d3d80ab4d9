package cn.smartaffairs.organisation;

import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageShell;
import cn.smartaffairs.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.ui.Model;

/** Puts the signed-in user's region and unit names into every page's top bar. */
@ControllerAdvice(annotations = PageController.class)
class OrganisationShellAdvice implements PageShell {

  private final OrganisationDirectory organisation;

  OrganisationShellAdvice(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  @ModelAttribute
  void shell(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAllAttributes(attributes(user));
  }

  @Override
  public Map<String, Object> shellAttributes() {
    var authentication = SecurityContextHolder.getContext().getAuthentication();
    return attributes(
        authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null);
  }

  private Map<String, Object> attributes(CurrentUser user) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    // pages only (PageController); an API key never renders one, but a stray one must not fail the page
    if (user == null || user.isApiKey()) {
      return attributes;
    }
    organisation.region(user.regionId()).ifPresent(region -> attributes.put("shellRegionName", region.name()));
    if (user.unitId() != null) {
      organisation.unitById(user.unitId()).ifPresent(unit -> attributes.put("shellUnitName", unit.name()));
    }
    return attributes;
  }
}
