package org.proposalhandling.intakeimport;

import java.util.List;
import java.util.Map;

/**
 * A row that passed every check: the intake form's values, exactly as the start form would submit them
 * (field key to text), and the suggested co-handling units, which the form does not have.
 */
record ImportRow(int line, Map<String, String> values, List<String> coUnitIds) {

  String sessionName() {
    return values.get("sessionName");
  }

  String number() {
    return values.get("number");
  }

  String title() {
    return values.get("title");
  }

  String kind() {
    return values.get("kind");
  }

  String proposedLeadUnit() {
    return values.get("proposedLeadUnit");
  }
}
