package cn.smartaffairs.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import cn.smartaffairs.platform.ApiLocale;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Two filter chains: the JSON API (stateless, bearer tokens and API keys, answers 401/403 as problem
 * details) and the pages (form sign-in, session, CSRF).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

  /** Argon2id for new hashes; the {id} prefix lets the algorithm be changed later without a reset. */
  @Bean
  PasswordEncoder passwordEncoder() {
    var encoders = new java.util.HashMap<String, PasswordEncoder>();
    encoders.put("argon2",
        org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
    encoders.put("bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder());
    return new org.springframework.security.crypto.password.DelegatingPasswordEncoder("argon2", encoders);
  }

  /**
   * No Micrometer observations of Spring Security's own filters and authorisation decisions: they wrapped every one of
   * the chain's filters in an observation on every request (a measurable share of a terminal payment's CPU) and only
   * duplicated what the per-request http.server.requests metric and the audit trail already tell.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  /** The default strict firewall with its character checks as loops instead of regular expressions (same rules). */
  @Bean
  WebSecurityCustomizer firewallCharacters() {
    return web -> web.httpFirewall(FirewallCharacters.firewall());
  }

  /**
   * Signed-in page sessions per account, read from the sessions in PostgreSQL (Spring Session JDBC), so that every
   * instance sees every session (see {@link WebSessions}).
   */
  @Bean
  SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
    return new SpringSessionBackedSessionRegistry<>(sessions);
  }

  @Bean
  AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
    var events = new DefaultAuthenticationEventPublisher(publisher);
    // a throttled attempt is audited as a failure like any other
    events
        .setAdditionalExceptionMappings(Map.of(SignInThrottledException.class, AuthenticationFailureLockedEvent.class));
    return events;
  }

  @Bean
  AuthenticationManager authenticationManager(Accounts accounts, PasswordEncoder passwordEncoder,
      AuthenticationEventPublisher events, SignInThrottle throttle) {
    var provider = new DaoAuthenticationProvider(accounts);
    provider.setPasswordEncoder(passwordEncoder);
    // the password first, the account's state after: "disabled" before the password was checked told anyone that
    // the name exists
    provider.setPreAuthenticationChecks(user -> {});
    provider.setPostAuthenticationChecks(user -> {
      if (!user.isEnabled()) {
        throw new DisabledException("account disabled");
      }
    });
    var manager = new ProviderManager(new ThrottledSignIn(provider, throttle));
    manager.setAuthenticationEventPublisher(events);
    return manager;
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiChain(HttpSecurity http, ApiCredentials credentials,
      AuthenticationManager authenticationManager,
      ObjectMapper objectMapper, MessageSource messages) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, exception) -> writeProblem(response, objectMapper,
        HttpServletResponse.SC_UNAUTHORIZED,
        messages.getMessage("error.unauthorized", null, ApiLocale.of(request)));
    AccessDeniedHandler forbidden = (request, response, exception) -> writeProblem(response, objectMapper,
        HttpServletResponse.SC_FORBIDDEN,
        messages.getMessage("error.forbidden", null, ApiLocale.of(request)));
    // the metrics too: they tell about the platform's internals, so only a monitoring key or a platform admin reads them
    http.securityMatcher("/api/**", METRICS)
        .authenticationManager(authenticationManager)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterBefore(new ApiCredentialFilter(credentials, unauthorized), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
            // payment providers' notifications: no sign-in, their signature is checked by the canteen (ADR 0011)
            .requestMatchers(HttpMethod.POST, "/api/v1/canteen/payments/notify/*").permitAll()
            .requestMatchers(METRICS).access(metricsAccess())
            .anyRequest().access(apiAccess()))
        .exceptionHandling(
            exceptions -> exceptions.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden));
    return http.build();
  }

  /**
   * The OpenAPI description and Swagger UI: open in the local demo run ({@code affairs.security.api-docs-public}),
   * otherwise for a signed-in page session, a bearer token or an API key. Without one the description answers 401
   * and Swagger UI sends the browser to the sign-in page.
   */
  @Bean
  @Order(2)
  SecurityFilterChain apiDocsChain(HttpSecurity http, ApiCredentials credentials, ObjectMapper objectMapper,
      MessageSource messages, SecurityProperties properties) throws Exception {
    AuthenticationEntryPoint unauthorized = (request, response, exception) -> writeProblem(response, objectMapper,
        HttpServletResponse.SC_UNAUTHORIZED,
        messages.getMessage("error.unauthorized", null, ApiLocale.of(request)));
    var swaggerUi = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");
    var swaggerUiPage = PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui.html");
    http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
        .csrf(csrf -> csrf.disable())
        .addFilterBefore(new ApiCredentialFilter(credentials, unauthorized), AuthorizationFilter.class)
        .authorizeHttpRequests(requests -> {
          if (properties.apiDocsPublic()) {
            requests.anyRequest().permitAll();
          } else {
            requests.anyRequest().authenticated();
          }
        })
        .exceptionHandling(exceptions -> exceptions
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                new OrRequestMatcher(swaggerUi, swaggerUiPage))
            .defaultAuthenticationEntryPointFor(unauthorized, AnyRequestMatcher.INSTANCE));
    return http.build();
  }

  @Bean
  @Order(3)
  SecurityFilterChain webChain(HttpSecurity http, AuthenticationManager authenticationManager,
      SessionRegistry sessionRegistry, ObjectProvider<ImageSources> imageSources) throws Exception {
    String contentSecurityPolicy = ContentSecurityPolicy
        .of(imageSources.orderedStream().flatMap(sources -> sources.imageSources().stream()).toList());
    http.authenticationManager(authenticationManager)
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error",
                "/calendar-feeds/**",
                // a visitor's own pages (module access): the host's invitation link and the pass, no sign-in;
                // the public board of free parking places
                "/visit/**", "/parking",
                "/actuator/health/**", "/actuator/info")
            .permitAll()
            .requestMatchers("/admin/**", "/units/import/**", "/units/import")
            .hasAnyRole(Role.PLATFORM_ADMIN.name(), Role.REGION_ADMIN.name())
            .anyRequest().authenticated())
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false)
            .failureHandler(new SignInFailureHandler()).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
        .sessionManagement(session -> session.invalidSessionUrl("/login?expired")
            // no limit on parallel sessions; an expired session (the registry's mark) is sent to sign in
            .maximumSessions(-1).sessionRegistry(sessionRegistry).expiredUrl("/login?expired"))
        .headers(headers -> headers
            .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
            .frameOptions(frame -> frame.deny())
            .permissionsPolicyHeader(
                permissions -> permissions.policy("camera=(self), geolocation=(self), microphone=()")));
    return http.build();
  }

  private static final String METRICS = "/actuator/prometheus";

  /** Metrics: a key with the metrics:read scope (the monitoring system's) or a platform administrator's token. */
  private static AuthorizationManager<RequestAuthorizationContext> metricsAccess() {
    return (authentication, context) -> {
      var auth = authentication.get();
      boolean allowed = auth != null && auth.getPrincipal() instanceof CurrentUser user
          && (user.isApiKey()
              ? user.apiScopes().contains(ApiScope.METRICS_READ.scope())
              : user.has(Role.PLATFORM_ADMIN));
      return new AuthorizationDecision(allowed);
    };
  }

  /** People may call any API they are signed in for (services check roles and scope); keys only their scopes. */
  private static AuthorizationManager<RequestAuthorizationContext> apiAccess() {
    return (authentication, context) -> {
      var auth = authentication.get();
      if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
        return new AuthorizationDecision(false);
      }
      if (!user.isApiKey()) {
        return new AuthorizationDecision(true);
      }
      var request = context.getRequest();
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean opened = user.apiScopes().stream()
          .map(ApiScope::of)
          .anyMatch(scope -> scope.opens(request.getMethod(), path));
      return new AuthorizationDecision(opened);
    };
  }

  static void writeProblem(HttpServletResponse response, ObjectMapper objectMapper, int status, String detail)
      throws java.io.IOException {
    response.setStatus(status);
    response.setCharacterEncoding("UTF-8");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    objectMapper.writeValue(response.getOutputStream(), Map.of("status", status, "title",
        status == 401 ? "Unauthorized" : "Forbidden", "detail", detail));
  }
}
