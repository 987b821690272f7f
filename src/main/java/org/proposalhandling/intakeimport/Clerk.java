package org.proposalhandling.intakeimport;

import org.proposalhandling.directory.Unit;

/** The signed-in clerk of an assigning office, for whom the import or the assignment is done. */
public record Clerk(String userId, Unit office) {
}
