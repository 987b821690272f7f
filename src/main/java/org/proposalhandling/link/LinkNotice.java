package org.proposalhandling.link;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

/** The plain Chinese page a link shows when it cannot act, with the HTTP status that says why. */
public record LinkNotice(HttpStatus status, String title, String message) {

  public static LinkNotice of(LinkToken token) {
    return switch (token.state()) {
      case UNKNOWN -> new LinkNotice(HttpStatus.NOT_FOUND, "链接无效",
          "找不到这个链接。请核对邮件中的链接是否完整复制。");
      case EXPIRED -> new LinkNotice(HttpStatus.GONE, "链接已过期",
          "这个链接已超过有效期。如仍需办理，请登录系统在待办中处理，或联系承办单位重新发送。");
      case USED -> new LinkNotice(HttpStatus.GONE, "链接已使用",
          "这个链接已经用过，您的意见已经记录，无需重复提交。");
      case SUPERSEDED -> new LinkNotice(HttpStatus.GONE, "链接已失效",
          "此后又发出了新的邮件，这个链接已被取代。请使用最新一封邮件中的链接。");
      case VALID -> throw new IllegalArgumentException("A valid token needs no notice");
    };
  }

  public static LinkNotice alreadyHandled() {
    return new LinkNotice(HttpStatus.CONFLICT, "事项已处理", "这一事项已经在系统中办理完毕，链接不再需要。");
  }

  /** Fills the model of templates/links/notice.html and returns that view's name. */
  public String render(Model model) {
    model.addAttribute("title", title);
    model.addAttribute("message", message);
    return "links/notice";
  }
}
