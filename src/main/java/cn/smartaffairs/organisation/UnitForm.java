package cn.smartaffairs.organisation;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The unit form as the page binds it: name, level, nature and approved headcount (编制数). */
public class UnitForm {

  @NotBlank
  @Size(max = 100) private String name;
  @NotNull private GovernmentLevel governmentLevel;
  @NotNull private UnitNature nature;
  @NotNull
  @Min(0) private Integer approvedHeadcount;

  static UnitForm of(Unit unit) {
    var form = new UnitForm();
    form.name = unit.name();
    form.governmentLevel = unit.governmentLevel();
    form.nature = unit.nature();
    form.approvedHeadcount = unit.approvedHeadcount();
    return form;
  }

  OrganisationDirectory.UnitChange toChange() {
    return new OrganisationDirectory.UnitChange(name, governmentLevel, nature, approvedHeadcount);
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public GovernmentLevel getGovernmentLevel() { return governmentLevel; }
  public void setGovernmentLevel(GovernmentLevel governmentLevel) { this.governmentLevel = governmentLevel; }
  public UnitNature getNature() { return nature; }
  public void setNature(UnitNature nature) { this.nature = nature; }
  public Integer getApprovedHeadcount() { return approvedHeadcount; }
  public void setApprovedHeadcount(Integer approvedHeadcount) { this.approvedHeadcount = approvedHeadcount; }
}
