package org.proposalhandling.intakeimport;

import java.util.Map;
import org.proposalhandling.support.ItemDriver;

/** The intake form's values of a row registered outside an import, for tests that need one. */
public final class ItemDriverRows {

  private ItemDriverRows() {
  }

  public static Map<String, Object> intake(String session, String number) {
    Map<String, Object> form = ItemDriver.intake(number);
    form.put("sessionName", session);
    return form;
  }
}
