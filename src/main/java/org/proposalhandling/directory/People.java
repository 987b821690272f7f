package org.proposalhandling.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.proposalhandling.workflow.SystemActions;
import org.springframework.stereotype.Service;

/**
 * Who holds a role in a unit, to address mail to them, and how a user signs a reply he drafts. The directory
 * is read as the system: a handler whose step causes a mail may not list users himself.
 */
@Service
public class People {

  /** A person to write to; the name in Chinese order, family name first. */
  public record Person(String id, String name, String email) {
  }

  /** How a person signs as 承办人 of a reply: his name and, where the directory has it, his office phone. */
  public record Contact(String name, String phone) {
  }

  /** The user-info key of a user's office phone (Camunda keeps no phone of its own). */
  public static final String PHONE = "phone";

  /** The user-info key of a user's mobile number, for texts; stored normalised. */
  public static final String MOBILE = "mobile";

  private final IdentityService identity;
  private final SystemActions system;

  People(IdentityService identity, SystemActions system) {
    this.identity = identity;
    this.system = system;
  }

  /** The members of a group who have an e-mail address. */
  public List<Person> withEmailIn(String groupId) {
    return system.run(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list()).stream()
        .filter(user -> user.getEmail() != null && !user.getEmail().isBlank())
        .map(user -> new Person(user.getId(), nameOf(user), user.getEmail()))
        .toList();
  }

  /** A member of a group with what it takes to notify him: his address, his number, his channels for the notice. */
  public record Member(String id, String name, String email, String mobile, NoticeChannels channels) {

    public boolean hasEmail() {
      return email != null && !email.isBlank();
    }

    public boolean hasMobile() {
      return mobile != null && !mobile.isBlank();
    }
  }

  /** The members of a group, in the order of their ids, each with his channels for this kind of notice. */
  public List<Member> membersOf(String groupId, Notice notice) {
    return system.run(() -> identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream()
        .map(user -> new Member(user.getId(), nameOf(user), user.getEmail(), identity.getUserInfo(user.getId(), MOBILE),
            channels(user.getId(), notice)))
        .toList());
  }

  /** A user's mobile number as stored (normalised), or empty. */
  public Optional<String> mobileOf(String userId) {
    return Optional.ofNullable(system.run(() -> identity.getUserInfo(userId, MOBILE))).filter(mobile -> !mobile.isBlank());
  }

  /** The channels a user chose for a kind of notice, or its default. */
  public NoticeChannels channelsOf(String userId, Notice notice) {
    return system.run(() -> channels(userId, notice));
  }

  /**
   * Keeps a user's mobile number (normalised by the caller; null removes it) and his channel per notice. The
   * caller checks that the user changes his own.
   */
  public void saveNoticeSettings(String userId, String mobile, Map<Notice, NoticeChannels> channels) {
    system.run(() -> {
      if (mobile == null) {
        identity.deleteUserInfo(userId, MOBILE);
      } else {
        identity.setUserInfo(userId, MOBILE, mobile);
      }
      channels.forEach((notice, chosen) -> identity.setUserInfo(userId, notice.userInfoKey(), chosen.name()));
      return null;
    });
  }

  private NoticeChannels channels(String userId, Notice notice) {
    String chosen = identity.getUserInfo(userId, notice.userInfoKey());
    return chosen == null ? notice.byDefault() : NoticeChannels.valueOf(chosen);
  }

  /** The user's name and phone; empty for an unknown user or one without a name. */
  public Optional<Contact> contact(String userId) {
    return system.run(() -> {
      User user = identity.createUserQuery().userId(userId).singleResult();
      String name = user == null ? "" : (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).strip();
      return name.isEmpty() ? Optional.<Contact>empty() : Optional.of(new Contact(name, identity.getUserInfo(userId, PHONE)));
    });
  }

  /** A user's name, family name first (刘敏); his login id when the directory has no name for him. */
  public String nameOf(String userId) {
    User user = system.run(() -> identity.createUserQuery().userId(userId).singleResult());
    return user == null ? userId : nameOf(user);
  }

  /** The name of a user already read; his login id when he has none. */
  public static String nameOf(User user) {
    String name = (nullToEmpty(user.getLastName()) + nullToEmpty(user.getFirstName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
