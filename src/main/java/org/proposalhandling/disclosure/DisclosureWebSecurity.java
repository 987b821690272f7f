package org.proposalhandling.disclosure;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The staff's reply PDFs need a login: HTTP Basic against the engine's users, as /api has, until the app has
 * one login for its pages. The public pages need none, and must not be framed or sniffed.
 */
@Configuration(proxyBeanMethods = false)
class DisclosureWebSecurity {

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> replyPdfAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new PdfOnlyAuthenticationFilter());
    registration.setName("reply-pdf-authentication");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.addUrlPatterns("/items/*");
    return registration;
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> publicPageHeaders() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy",
            "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        chain.doFilter(request, response);
      }
    });
    registration.addUrlPatterns("/public/*");
    return registration;
  }

  /** Authenticates only the reply PDFs under /items/, leaving the other item pages to their own login. */
  static class PdfOnlyAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      if (((HttpServletRequest) request).getRequestURI().endsWith(".pdf")) {
        super.doFilter(request, response, chain);
      } else {
        chain.doFilter(request, response);
      }
    }
  }
}
