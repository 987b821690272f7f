package org.proposalhandling.security.internal;

import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.Header;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The headers of the pages that open without login, beside Spring Security's defaults (X-Frame-Options DENY,
 * nosniff, no caching) that every page gets. Every writer leaves a header already set alone, so these come before
 * the default cache headers they replace.
 */
final class PageHeaders {

  /** Link pages (/links, from a mail): they must not be framed, cached or leak their token as a referrer. */
  private static final HeaderWriter LINK_PAGES = new StaticHeadersWriter(List.of(
      new Header("Content-Security-Policy",
          "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'"),
      new Header("Referrer-Policy", "no-referrer"),
      new Header("Cache-Control", "no-store")));

  /** The public pages (/public, the disclosed replies): not framed, not sniffed, forms only to the app. */
  private static final HeaderWriter PUBLIC_PAGES = new StaticHeadersWriter(List.of(
      new Header("Content-Security-Policy",
          "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'"),
      new Header("Referrer-Policy", "same-origin")));

  private PageHeaders() {
  }

  static void write(HeadersConfigurer<HttpSecurity> headers) {
    headers.cacheControl(cache -> cache.disable())
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(path("/links/**"), LINK_PAGES))
        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(path("/public/**"), PUBLIC_PAGES))
        .addHeaderWriter(new CacheControlHeadersWriter());
  }

  private static PathPatternRequestMatcher path(String pattern) {
    return PathPatternRequestMatcher.withDefaults().matcher(pattern);
  }
}
