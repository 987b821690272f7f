package org.proposalhandling.mysql;

import org.proposalhandling.item.ProposalHandlingProcessTest;

/** Every path of the process test on MariaDB: the same tests, the engine's and the app's tables on the server. */
@SpringBootTestOnMariaDb
class ProposalHandlingProcessOnMariaDbTest extends ProposalHandlingProcessTest {
}
