package org.proposalhandling.attachment;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A reply's attachments (答复附件): the files added at 起草答复 in its round, current ones (neither withdrawn nor
 * replaced) in the order they came. They are listed at the foot of the letter (附件说明), travel with its mails and
 * are published with it where the reply is public.
 */
public interface ReplyFiles {

  /** The step whose files are the reply's. */
  String STEP = "Task_DraftReply";

  /** One of the reply's files. */
  record ReplyFile(String id, String name, String mediaType, long size) {

    /** The name without its extension, as 附件说明 prints it (GB/T 9704-2012 7.3.5.3). */
    public String title() {
      int dot = name.lastIndexOf('.');
      return dot > 0 ? name.substring(0, dot) : name;
    }
  }

  /**
   * What the reply's mails carry: the references (for the mail module) of the files that fit within
   * proposals.attachments.max-mail-size, in order, and the files that go on paper only.
   */
  record Mailing(List<String> references, List<ReplyFile> attached, List<ReplyFile> onPaper) {

    /** The mail's line on the reply's attachments; null when it has none. */
    public String note() {
      String sent = attached.isEmpty() ? "" : "答复附件随本邮件附送：" + names(attached) + "。";
      String posted = onPaper.isEmpty() ? "" : (attached.isEmpty() ? "答复附件" : "以下附件")
          + "超过邮件容量，随纸质答复寄送：" + names(onPaper) + "。";
      return (sent + posted).isEmpty() ? null : sent + posted;
    }

    private static String names(List<ReplyFile> files) {
      return String.join("；", files.stream().map(ReplyFile::name).toList());
    }
  }

  List<ReplyFile> of(String itemId, int round);

  /** 「附件：1.测算表　2.现场照片」, as the letter will list them, for those who sign the draft; null when none. */
  default String line(String itemId, int round) {
    List<ReplyFile> files = of(itemId, round);
    if (files.isEmpty()) {
      return null;
    }
    return "附件：" + (files.size() == 1 ? files.get(0).title() : IntStream.range(0, files.size())
        .mapToObj(i -> (i + 1) + "." + files.get(i).title()).collect(Collectors.joining("　")));
  }

  Mailing mailing(String itemId, int round);

  /**
   * Sends one of the round's reply files as a download, its SHA-256 checked before the first byte; false (and
   * nothing sent) when the id is not one of them.
   */
  boolean download(String itemId, int round, String fileId, HttpServletResponse response) throws IOException;
}
