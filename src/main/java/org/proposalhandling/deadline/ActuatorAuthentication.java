package org.proposalhandling.deadline;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who asks /actuator: the app has no Spring Security, so the actuator would see everyone as anonymous and
 * show health details to no one or to all. This filter checks HTTP Basic credentials against the engine's
 * users, like /engine-rest, and hands the user and his groups to the actuator as principal and roles, so that
 * {@code show-details: when-authorized} with {@code roles: camunda-admin} shows details to administrators
 * only. Without credentials a request goes on anonymously (the status alone); wrong ones get 401.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorAuthentication {

  @Bean
  FilterRegistrationBean<BasicFilter> actuatorAuthenticationFilter(IdentityService identity) {
    FilterRegistrationBean<BasicFilter> registration = new FilterRegistrationBean<>(new BasicFilter(identity));
    registration.setName("actuator-authentication");
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }

  static final class BasicFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    BasicFilter(IdentityService identity) {
      this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String header = request.getHeader("Authorization");
      if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
        chain.doFilter(request, response);
        return;
      }
      String[] credentials = decode(header.substring(6).strip());
      if (credentials == null || !identity.checkPassword(credentials[0], credentials[1])) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Basic realm=\"proposal-handling\", charset=\"UTF-8\"");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write("{\"message\":\"用户名或密码错误。\"}");
        return;
      }
      String user = credentials[0];
      Set<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
          .collect(Collectors.toUnmodifiableSet());
      chain.doFilter(new HttpServletRequestWrapper(request) {
        @Override
        public Principal getUserPrincipal() {
          return () -> user;
        }

        @Override
        public String getRemoteUser() {
          return user;
        }

        @Override
        public boolean isUserInRole(String role) {
          return groups.contains(role);
        }
      }, response);
    }

    /** user and password, or null if the header is not {@code base64(user:password)}. */
    private static String[] decode(String encoded) {
      try {
        String text = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        int colon = text.indexOf(':');
        return colon <= 0 ? null : new String[] {text.substring(0, colon), text.substring(colon + 1)};
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
  }
}
