package cn.smartaffairs.organisation;

import cn.smartaffairs.platform.Page;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Regions, units and departments for integrations. */
@RestController
@Tag(name = "部门单位 Units")
@SecurityRequirement(name = "bearer")
class UnitApiController {

  private final OrganisationDirectory organisation;

  UnitApiController(OrganisationDirectory organisation) {
    this.organisation = organisation;
  }

  @GetMapping("/api/v1/regions")
  @Operation(summary = "区域 Regions (the city level and its counties)")
  List<Region> regions() {
    return organisation.regions();
  }

  @GetMapping("/api/v1/units")
  @Operation(summary = "单位列表 Units in the caller's scope")
  Page<Unit> units(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) String keyword, @RequestParam(required = false) Long regionId) {
    return organisation.units(keyword, regionId, CurrentUsers.scope(), Math.max(page, 0), Page.boundedSize(size));
  }

  @GetMapping("/api/v1/units/{id}")
  @Operation(summary = "单位详情 One unit")
  Unit unit(@PathVariable long id) {
    return organisation.unit(id, CurrentUsers.scope());
  }

  @GetMapping("/api/v1/units/{id}/departments")
  @Operation(summary = "内设机构 The department tree of a unit")
  List<Department> departments(@PathVariable long id) {
    organisation.unit(id, CurrentUsers.scope());
    return organisation.departments(id);
  }
}
