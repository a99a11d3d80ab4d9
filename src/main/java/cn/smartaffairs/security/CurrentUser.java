package cn.smartaffairs.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person or integration. API keys have no staff record and no roles: they act within one
 * region and only for their scopes.
 */
public record CurrentUser(
    long userId,
    String username,
    String displayName,
    String passwordHash,
    Long staffId,
    long regionId,
    Long unitId,
    boolean enabled,
    boolean locked,
    List<RoleGrant> grants,
    Set<String> apiScopes)
    implements
      UserDetails {

  public DataScope dataScope() {
    if (!apiScopes.isEmpty()) {
      return DataScope.region(regionId);
    }
    return DataScope.of(grants, staffId);
  }

  /** The scope granted by only some of the user's roles, e.g. the records they may change rather than read. */
  public DataScope dataScopeAs(Role... roles) {
    var wanted = java.util.Set.of(roles);
    return DataScope.of(grants.stream().filter(grant -> wanted.contains(grant.role())).toList(), staffId);
  }

  public boolean has(Role role) {
    return grants.stream().anyMatch(grant -> grant.role() == role);
  }

  public boolean hasAny(Role... roles) {
    return Stream.of(roles).anyMatch(this::has);
  }

  public boolean isApiKey() { return !apiScopes.isEmpty(); }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return Stream.concat(
        grants.stream().map(grant -> grant.role().authority()),
        apiScopes.stream().map(scope -> "SCOPE_" + scope))
        .distinct()
        .map(SimpleGrantedAuthority::new)
        .collect(Collectors.toList());
  }

  @Override
  public String getPassword() { return passwordHash; }

  @Override
  public String getUsername() { return username; }

  @Override
  public boolean isAccountNonLocked() { return !locked; }

  @Override
  public boolean isEnabled() { return enabled; }
}
