package org.proposalhandling.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Before each test method, the engine of the test's own Spring context is the one the engine REST API and the
 * webapps find: they look it up by name ("default") in the static {@link ProcessEngines} registry, where the
 * engine built last replaces the others. Without this, a test of the demo context that runs after a test of
 * another cached context (profile "test" alone) spoke to that context's engine and database over HTTP: the
 * item it had just created "doesn't exist" (500), Tasklist's session answered 401.
 */
public class ContextEngineRegistration extends AbstractTestExecutionListener {

  @Override
  public void beforeTestMethod(TestContext testContext) {
    testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
        .ifAvailable(ProcessEngines::registerProcessEngine);
  }
}
