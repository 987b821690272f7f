package org.proposalhandling.platform;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Liquibase creates the engine's tables, so the engine must be built after Liquibase has run.
 * Spring Boot would otherwise build the engine first ("ENGINE-03057 There are no Camunda tables").
 * Registered in META-INF/spring.factories.
 */
class ProcessEngineDatabaseInitializationDetector extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

  @Override
  protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
    return Set.of(ProcessEngine.class);
  }
}
