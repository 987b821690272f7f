package org.proposalhandling.mysql;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, saying why, where no database is configured: evaluated before any Spring context
 * starts, and reported by Surefire as skipped tests with this reason, never as a pass.
 */
class MariaDbAvailable implements ExecutionCondition {

  private static final AtomicBoolean WARNED = new AtomicBoolean();

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (MariaDb.configured()) {
      return ConditionEvaluationResult.enabled("MariaDB configured");
    }
    if (WARNED.compareAndSet(false, true)) {
      System.err.println("WARNING: " + MariaDb.NOT_CONFIGURED);
    }
    return ConditionEvaluationResult.disabled(MariaDb.NOT_CONFIGURED);
  }
}
