package org.proposalhandling.sms;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.proposalhandling.directory.Notice;
import org.proposalhandling.directory.People;
import org.proposalhandling.directory.People.Member;
import org.springframework.stereotype.Service;

/**
 * Whom a notice reaches by which channel, from each member's choice: a text to whoever chose SMS and has a
 * mobile number while texts go out; a mail to whoever chose mail, and to whoever chose SMS alone but cannot be
 * texted (no number, or SMS off here), so that a choice never leaves anyone without the notice. A person in two
 * of the groups is counted once.
 */
@Service
public class NoticeRecipients {

  public record Recipients(List<Member> mailTo, List<Member> textTo) {

    public boolean isEmpty() {
      return mailTo.isEmpty() && textTo.isEmpty();
    }
  }

  private final People people;
  private final SmsSender texts;

  NoticeRecipients(People people, SmsSender texts) {
    this.people = people;
    this.texts = texts;
  }

  public Recipients of(Collection<String> groupIds, Notice notice) {
    List<Member> mailTo = new ArrayList<>();
    List<Member> textTo = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String group : groupIds) {
      for (Member member : people.membersOf(group, notice)) {
        if (!seen.add(member.id())) {
          continue;
        }
        boolean texted = texts.enabled() && member.channels().sms() && member.hasMobile();
        if (texted) {
          textTo.add(member);
        }
        if (member.hasEmail() && (member.channels().mail() || !texted)) {
          mailTo.add(member);
        }
      }
    }
    return new Recipients(List.copyOf(mailTo), List.copyOf(textTo));
  }

  public Recipients of(String groupId, Notice notice) {
    return of(List.of(groupId), notice);
  }
}
