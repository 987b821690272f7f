package org.proposalhandling.platform;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.proposalhandling.workflow.FormValidationException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

/**
 * A form or request refused by our validation is the user's error, answered with a Chinese message, yet the
 * engine logs it as ERROR with a stack trace ("ENGINE-16004 Exception while closing command context"),
 * because what a listener throws reaches it wrapped in its own exception. This turns such an error of the
 * engine's command context into one WARN line with the refusal; every other error stays as it is.
 * Installed by logback-spring.xml.
 */
public class RefusedInputLogFilter extends TurboFilter {

  private static final String ENGINE_CONTEXT = "org.camunda.bpm.engine.context";
  private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(RefusedInputLogFilter.class);

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (level != Level.ERROR || !logger.getName().startsWith(ENGINE_CONTEXT)) {
      return FilterReply.NEUTRAL;
    }
    FormValidationException refused = FormValidationException.findIn(throwable(params, t));
    if (refused == null) {
      return FilterReply.NEUTRAL;
    }
    LOG.warn("Refused input: {}", refused.getMessage());
    return FilterReply.DENY;
  }

  /** The engine passes the exception as the last argument of a parameterised message. */
  private static Throwable throwable(Object[] params, Throwable t) {
    if (t != null) {
      return t;
    }
    if (params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last) {
      return last;
    }
    return null;
  }
}
