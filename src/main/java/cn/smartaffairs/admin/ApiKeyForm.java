package cn.smartaffairs.admin;

import cn.smartaffairs.security.ApiScope;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.Set;

/** The form that creates an API key: what it is for, the region it acts in and what it may call. */
public class ApiKeyForm {

  @NotBlank(message = "{apiKey.nameRequired}")
  @Size(max = 100, message = "{apiKey.nameTooLong}") private String name;
  @NotNull(message = "{apiKey.regionRequired}") private Long regionId;
  @NotEmpty(message = "{apiKey.scopeRequired}") private Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Long getRegionId() { return regionId; }
  public void setRegionId(Long regionId) { this.regionId = regionId; }
  public Set<ApiScope> getScopes() { return scopes; }
  public void setScopes(Set<ApiScope> scopes) {
    this.scopes = scopes == null ? EnumSet.noneOf(ApiScope.class) : scopes;
  }
}
