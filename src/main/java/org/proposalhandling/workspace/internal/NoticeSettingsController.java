package org.proposalhandling.workspace.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.proposalhandling.directory.Notice;
import org.proposalhandling.directory.NoticeChannels;
import org.proposalhandling.directory.People;
import org.proposalhandling.security.CurrentUser;
import org.proposalhandling.sms.MobileNumbers;
import org.proposalhandling.sms.SmsSender;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 我的通知方式 at /me/notices: the signed-in user's own mobile number and, per kind of notice, mail, SMS or both.
 * Only his own: the page has no user parameter to forge. A number that is no mainland mobile is refused in
 * Chinese and nothing is saved; SMS chosen without a number still gets the notice by mail.
 */
@Controller
class NoticeSettingsController {

  private final People people;
  private final SmsSender texts;

  NoticeSettingsController(People people, SmsSender texts) {
    this.people = people;
    this.texts = texts;
  }

  @GetMapping("/me/notices")
  String show(Model model) {
    String user = CurrentUser.get().getUserId();
    Map<Notice, NoticeChannels> chosen = new EnumMap<>(Notice.class);
    for (Notice notice : Notice.values()) {
      chosen.put(notice, people.channelsOf(user, notice));
    }
    return page(model, people.mobileOf(user).orElse(""), chosen);
  }

  @PostMapping("/me/notices")
  String save(@RequestParam Map<String, String> form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
    String user = CurrentUser.get().getUserId();
    Map<Notice, NoticeChannels> chosen = new EnumMap<>(Notice.class);
    for (Notice notice : Notice.values()) {
      chosen.put(notice, parse(form.get(notice.name())).orElse(people.channelsOf(user, notice)));
    }
    String typed = form.getOrDefault("mobile", "").strip();
    Optional<String> mobile = MobileNumbers.normalise(typed);
    if (!typed.isEmpty() && mobile.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("refusal", "「" + typed + "」不是有效的手机号码：应为 11 位中国大陆手机号，可带 +86。未保存任何更改。");
      return page(model, typed, chosen);
    }
    people.saveNoticeSettings(user, mobile.orElse(null), chosen);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/me/notices";
  }

  private String page(Model model, String mobile, Map<Notice, NoticeChannels> chosen) {
    model.addAttribute("mobile", mobile);
    model.addAttribute("chosen", chosen);
    model.addAttribute("notices", Notice.values());
    model.addAttribute("channels", NoticeChannels.values());
    model.addAttribute("smsEnabled", texts.enabled());
    return "workspace/notices";
  }

  private static Optional<NoticeChannels> parse(String value) {
    try {
      return Optional.ofNullable(value).map(NoticeChannels::valueOf);
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }
}
