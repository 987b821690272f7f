package org.proposalhandling.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.proposalhandling.item.CoSigner;
import org.proposalhandling.item.ItemKind;
import org.proposalhandling.sms.MobileNumbers;
import org.proposalhandling.workflow.FormValidationException;
import org.proposalhandling.workflow.TextLength;

/**
 * The co-signers as the start form's field and the import's 附议人 column write them: names separated by 、
 * (or ，), each with optional details in brackets, separated by ，: the delegation or sector, an e-mail address,
 * a mobile number, in any order, e.g. 「张三（长春代表团，zhang@example.cn，13800000000）、李四」. A detail
 * with @ is the address, one of digits the mobile, anything else the delegation or sector.
 */
final class CoSignerList {

  static final String LABEL = "附议人（联名人）";
  private static final Pattern ENTRY = Pattern.compile("^([^（(）)]+?)\\s*(?:[（(]([^（(）)]*)[）)])?$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final Pattern PHONE_LIKE = Pattern.compile("^[+\\d][\\d\\s-]*$");

  private CoSignerList() {
  }

  /** The co-signers written in this text, none for an empty one; refuses the first entry that is wrong. */
  static List<CoSigner> parse(String text, String leadProposer, ItemKind kind) {
    List<CoSigner> coSigners = new ArrayList<>();
    if (text == null) {
      return coSigners;
    }
    Set<String> names = new HashSet<>();
    for (String entry : entries(text)) {
      Matcher matcher = ENTRY.matcher(entry);
      if (!matcher.matches()) {
        throw refused("“" + entry + "”写法不对，请写成：姓名（代表团或界别，电子邮箱，手机号码），括号内各项可省略");
      }
      String name = TextLength.atMost(matcher.group(1).strip(), LABEL, 200);
      if (!names.add(name)) {
        throw refused(name + "重复列出，每人只列一次");
      }
      if (name.equals(leadProposer)) {
        throw refused(name + "是提出人（领衔人），不能同时列为附议人（联名人）");
      }
      coSigners.add(withDetails(coSigners.size() + 1, name, kind, matcher.group(2)));
    }
    return coSigners;
  }

  private static CoSigner withDetails(int position, String name, ItemKind kind, String details) {
    String constituency = null;
    String email = null;
    String mobile = null;
    for (String detail : details == null ? new String[0] : details.split("[，,]")) {
      String value = detail.strip();
      if (value.isEmpty()) {
        continue;
      }
      if (value.contains("@")) {
        if (!EMAIL.matcher(value).matches()) {
          throw refused(name + "的电子邮箱“" + value + "”格式不正确");
        }
        email = TextLength.atMost(value, LABEL, 200);
      } else if (PHONE_LIKE.matcher(value).matches()) {
        mobile = MobileNumbers.normalise(value).orElseThrow(() ->
            refused(name + "的手机号码“" + value + "”不是有效的手机号码，应为 11 位中国大陆手机号，可带 +86"));
      } else {
        constituency = TextLength.atMost(value, LABEL, 200);
      }
    }
    return new CoSigner(position, name, kind.coSigning(), constituency, email, mobile);
  }

  /** The entries between the separators outside brackets: a sector may itself hold a 、. */
  private static List<String> entries(String text) {
    List<String> entries = new ArrayList<>();
    StringBuilder entry = new StringBuilder();
    int depth = 0;
    for (char c : text.toCharArray()) {
      if (c == '（' || c == '(') {
        depth++;
      } else if (c == '）' || c == ')') {
        depth--;
      }
      if (depth == 0 && (c == '、' || c == '，' || c == ',' || c == '\n')) {
        add(entries, entry);
      } else {
        entry.append(c);
      }
    }
    add(entries, entry);
    return entries;
  }

  private static void add(List<String> entries, StringBuilder entry) {
    String text = entry.toString().strip();
    if (!text.isEmpty()) {
      entries.add(text);
    }
    entry.setLength(0);
  }

  private static FormValidationException refused(String what) {
    return new FormValidationException("「" + LABEL + "」中" + what + "。");
  }
}
