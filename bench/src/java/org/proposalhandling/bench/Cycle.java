package org.proposalhandling.bench;

import java.util.List;
import org.proposalhandling.bench.Session.Planned;

/** The steps of an item's cycle after its assignment, run the same way on the app and on the bare engine. */
interface Cycle {

  void opinions(Planned item);

  void contact(Planned item);

  void draft(Planned item, int round);

  void review(Planned item);

  void signOff(Planned item);

  void feedback(Planned item, int round);

  /** Every item through its cycle, phase after phase; the tenth answered 不满意 handled again, item by item. */
  static void run(Cycle cycle, Phases phases, List<Planned> items) {
    phases.run("co-handling opinions", items.stream().filter(item -> !item.coUnits().isEmpty()).toList(), cycle::opinions);
    phases.run("contact record", items, cycle::contact);
    phases.run("draft", items, item -> cycle.draft(item, 1));
    phases.run("review", items, cycle::review);
    phases.run("sign-off", items, cycle::signOff);
    phases.run("feedback", items, item -> cycle.feedback(item, 1));
    phases.run("re-handling (不满意)", items.stream().filter(Planned::dissatisfied).toList(), item -> {
      cycle.opinions(item);
      cycle.contact(item);
      cycle.draft(item, 2);
      cycle.review(item);
      cycle.signOff(item);
      cycle.feedback(item, 2);
    });
  }
}
