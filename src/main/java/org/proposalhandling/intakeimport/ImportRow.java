package org.proposalhandling.intakeimport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.proposalhandling.duplicates.TextSimilarity;

/**
 * A row that passed every check: the intake form's values, exactly as the start form would submit them
 * (field key to text), and the suggested co-handling units, which the form does not have.
 */
record ImportRow(int line, Map<String, String> values, List<String> coUnitIds) {

  private static final String FINGERPRINT = "fingerprint";

  /**
   * The row without its texts, but their fingerprint: what a preview of a whole file keeps of each row (15,000
   * texts of 3,000 characters would take 90 MB).
   */
  ImportRow summary() {
    Map<String, String> kept = new HashMap<>();
    for (String field : List.of("sessionName", "number", "title", "kind", "proposedLeadUnit")) {
      if (values.get(field) != null) {
        kept.put(field, values.get(field));
      }
    }
    kept.put(FINGERPRINT, TextSimilarity.fingerprint(title(), values.get("content")));
    return new ImportRow(line, kept, coUnitIds);
  }

  /** Of a {@link #summary()}. */
  String fingerprint() {
    return values.get(FINGERPRINT);
  }

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
