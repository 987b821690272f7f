package org.proposalhandling.model;

import org.junit.jupiter.api.Test;
import org.proposalhandling.ProposalHandlingApplication;
import org.proposalhandling.support.ModelLayer;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a module: others use only the types of its own package (its API), never its
 * {@code internal} sub-package, and no two modules depend on each other in a cycle. Fails on the first
 * violation, naming it.
 */
@ModelLayer
class ModuleStructureTest {

  @Test
  void modulesKeepToTheirPublicApisWithoutCycles() {
    ApplicationModules.of(ProposalHandlingApplication.class).verify();
  }
}
