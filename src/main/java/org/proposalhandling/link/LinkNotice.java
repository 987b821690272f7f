package org.proposalhandling.link;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/**
 * The plain Chinese page a link shows when it cannot act, with the HTTP status that says why, and whom to
 * call (null when the link's subject is unknown).
 */
public record LinkNotice(HttpStatus status, String title, String message, String contact) {

  public LinkNotice(HttpStatus status, String title, String message) {
    this(status, title, message, null);
  }

  public static LinkNotice of(LinkToken token) {
    return switch (token.state()) {
      case UNKNOWN -> new LinkNotice(HttpStatus.NOT_FOUND, "链接无效",
          "找不到这个链接。请核对邮件中的链接是否完整复制。");
      case EXPIRED -> new LinkNotice(HttpStatus.GONE, "链接已过期",
          "这个链接所办理的环节已经结束（已在系统中办理，或已过期限），链接随之失效。");
      case USED -> new LinkNotice(HttpStatus.GONE, "链接已使用",
          "这个链接已经用过，您的意见已经记录，无需重复提交。");
      case SUPERSEDED -> new LinkNotice(HttpStatus.GONE, "链接已失效",
          "此后又发出了新的邮件，这个链接已被取代。请使用最新一封邮件中的链接。");
      case VALID -> throw new IllegalArgumentException("A valid token needs no notice");
    };
  }

  /** "如有疑问，请联系" the person in this role, with his phone when known; null when no name is known. */
  public static String whomToCall(String role, String name, String phone) {
    if (name == null || name.isBlank()) {
      return null;
    }
    return "如有疑问，请联系" + role + name.strip() + (phone == null || phone.isBlank() ? "" : "，电话 " + phone.strip()) + "。";
  }

  public LinkNotice withContact(String whomToCall) {
    return new LinkNotice(status, title, message, whomToCall);
  }

  /** Fills the model of templates/links/notice.html and returns that view's name. */
  public String render(Model model) {
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    model.addAttribute("contact", contact);
    return "links/notice";
  }
}
