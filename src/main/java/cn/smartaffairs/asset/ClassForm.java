package cn.smartaffairs.asset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A version of a class of the code table from a day on: a new code, a new name, or the code retired. */
public class ClassForm implements Serializable {

  @NotBlank
  @Pattern(regexp = "^[A-Z][0-9]{6}([0-9]{2})?$", message = "{asset.class.codeShape}") private String code;
  @NotBlank
  @Size(max = 100) private String name;
  @Size(max = 9) private String parentCode;
  private boolean depreciated = true;
  private boolean retired;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;

  AssetClasses.ClassVersion toVersion() {
    return new AssetClasses.ClassVersion(code, name, parentCode, depreciated, !retired, effectiveFrom);
  }

  public String getCode() { return code; }
  public void setCode(String code) { this.code = code; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getParentCode() { return parentCode; }
  public void setParentCode(String parentCode) { this.parentCode = parentCode; }
  public boolean isDepreciated() { return depreciated; }
  public void setDepreciated(boolean depreciated) { this.depreciated = depreciated; }
  public boolean isRetired() { return retired; }
  public void setRetired(boolean retired) { this.retired = retired; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
}
