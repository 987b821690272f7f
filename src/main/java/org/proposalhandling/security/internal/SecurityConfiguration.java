package org.proposalhandling.security.internal;

import jakarta.servlet.Filter;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * One login for everything: the app's pages, Tasklist, Cockpit and Admin sign in once through the form at
 * /login, checked against the engine's users; the webapps take that user from the request (Camunda's
 * container-based authentication) instead of asking again. Signing out (the form's 退出 or a webapp's logout)
 * ends the one session, so it signs out of all.
 *
 * <p>The engine REST API and the app's /api stay for other clients with HTTP Basic, stateless, without CSRF
 * tokens (no cookie ever authenticates them). Everywhere else a state-changing request needs Spring Security's
 * CSRF token, except where another guard stands: the webapps (their own CSRF filter on /camunda/api) and the
 * mail-link pages (/links: the link's own secret token, single-use, is what a forger cannot know).
 *
 * <p>All of the app's web security is here: the two filter chains, the headers of the pages that open without
 * login ({@link PageHeaders}), the engine acting as the signed-in user ({@link EngineAuthenticationFilter}) and
 * the webapps' container authentication. The engine API's answers to errors are the engine module's
 * (engine.EngineRestErrorMappers, engine.WebappRefusals).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  /** The webapps' own logout call; it ends the one session too. */
  private static final String WEBAPP_LOGOUT = "/camunda/api/admin/auth/user/*/logout";

  @Bean
  IdentityServiceAuthenticationProvider identityServiceAuthenticationProvider(IdentityService identity) {
    return new IdentityServiceAuthenticationProvider(identity);
  }

  @Bean
  @Order(1)
  SecurityFilterChain apiClients(HttpSecurity http, IdentityService identity) throws Exception {
    return http
        .securityMatcher(any("/engine-rest/**", "/api/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.realmName("proposal-handling"))
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class)
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain signedIn(HttpSecurity http, IdentityService identity) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(any("/login", "/links/**", "/public/**", "/brand/**", "/css/**", "/js/**", "/webjars/**", "/error",
                "/favicon.ico", "/actuator/health"))
            .permitAll()
            // The demo's mailbox (demo profile only: elsewhere nothing answers there).
            .requestMatchers(path(null, "/dev/**")).permitAll()
            .anyRequest().authenticated())
        .headers(PageHeaders::write)
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/"))
        // Scripts and other clients may also send HTTP Basic to the pages (an export, a PDF): no session, no cookie.
        .httpBasic(basic -> basic.realmName("proposal-handling"))
        .logout(logout -> logout
            .logoutRequestMatcher(new OrRequestMatcher(path(HttpMethod.POST, "/logout"), path(HttpMethod.POST, WEBAPP_LOGOUT)))
            .logoutSuccessHandler(new SignedOut()))
        // A request that brings its own HTTP Basic credentials is not riding on a cookie: CSRF cannot forge it.
        .csrf(csrf -> csrf.ignoringRequestMatchers(any("/camunda/**", "/links/**"), SecurityConfiguration::sendsBasicCredentials))
        // The webapps' and their APIs' calls are scripts: they get a 401, not the login page.
        .exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
            new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path(null, "/camunda/api/**")))
        // The app's pages act in the engine as the signed-in user (the history names him).
        .addFilterAfter(new EngineAuthenticationFilter(identity), AuthorizationFilter.class)
        .build();
  }

  /**
   * The webapps take the signed-in user from the request (getUserPrincipal, which Spring Security answers)
   * and build their session's authentication from the engine's groups. Registered after Spring Security's
   * filter (order -100) and before the webapps' own filters, which the Camunda starter adds last.
   */
  @Bean
  FilterRegistrationBean<Filter> webappContainerAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.setName("webapp-container-authentication");
    registration.setInitParameters(Map.of("authentication-provider", ContainerBasedAuthenticationProvider.class.getName()));
    registration.addUrlPatterns("/camunda/*");
    registration.setOrder(101);
    return registration;
  }

  /**
   * Paths matched as written, whichever servlet serves them (Jersey serves /engine-rest and /camunda/api, not
   * Spring MVC's dispatcher).
   */
  private static RequestMatcher any(String... patterns) {
    return new OrRequestMatcher(java.util.Arrays.stream(patterns).map(pattern -> (RequestMatcher) path(null, pattern)).toList());
  }

  private static boolean sendsBasicCredentials(jakarta.servlet.http.HttpServletRequest request) {
    String authorization = request.getHeader("Authorization");
    return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
  }

  private static PathPatternRequestMatcher path(HttpMethod method, String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
  }
}
