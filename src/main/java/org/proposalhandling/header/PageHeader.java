package org.proposalhandling.header;

import java.util.List;

/** What the header shows a signed-in user: his name (the login id when the directory has none), his units, his sections. */
record PageHeader(String name, String units, List<Section> sections) {
}
