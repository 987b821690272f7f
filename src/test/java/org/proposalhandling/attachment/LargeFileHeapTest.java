package org.proposalhandling.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalhandling.attachment.AttachmentAccessTest.fileIds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.support.AppProcess;
import org.proposalhandling.support.WebSession;

/**
 * A file larger than the app's whole heap goes in and out of an app under -Xmx256m (which exits on running
 * out of memory): stored in chunks and read back with the same SHA-256; a file over the item's limit is
 * refused with the Chinese message and leaves nothing. Neither side ever holds the file: the test generates it as
 * it sends it and hashes the download as it arrives.
 */
@AppLayer
class LargeFileHeapTest {

  static final long MB = 1024 * 1024;
  static final Duration START = Duration.ofMinutes(5);
  static final Duration TRANSFER = Duration.ofMinutes(3);
  private static final Pattern OPEN_ITEM = Pattern.compile("href=\"/items/([0-9a-f-]{36})\"");

  @TempDir Path directory;

  @Test
  void aFileLargerThanTheHeapIsStoredAndServedWholeAndOneOverTheItemsLimitRefused() throws Exception {
    try (AppProcess app = AppProcess.startDemoWithHeap(directory, "256m",
        "--proposals.attachments.max-file-size=310MB", "--proposals.attachments.max-item-size=320MB",
        "--spring.servlet.multipart.max-file-size=400MB", "--spring.servlet.multipart.max-request-size=400MB")
        .awaitStarted(START)) {
      WebSession clerk = new WebSession(app.port());
      String itemId = openItemOfTheClerk(clerk);
      String token = WebSession.csrfOf(clerk.get("/items/" + itemId).body());

      GeneratedPdf large = new GeneratedPdf(300 * MB);
      Instant sent = Instant.now();
      HttpResponse<String> uploaded = clerk.postMultipart("/items/" + itemId + "/files",
          Map.of("_csrf", token, "step", "ITEM"), "全国人大代表建议扫描件.pdf", () -> large, TRANSFER);
      Duration upload = Duration.between(sent, Instant.now());
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
      String page = clerk.get("/items/" + itemId).body();
      assertThat(page).contains("全国人大代表建议扫描件.pdf", "300.0 MB", "PDF 文档");

      Instant asked = Instant.now();
      HttpResponse<InputStream> download = clerk.getStream("/items/" + itemId + "/files/" + fileIds(page).get(0), TRANSFER);
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(300 * MB);
      assertThat(sha256(download.body())).isEqualTo(large.sha256());
      Duration downloadTime = Duration.between(asked, Instant.now());

      // 20 MB left of the item's 320: a file of 30 MB stops there (the per-file limit: AttachmentAccessTest).
      HttpResponse<String> tooLarge = clerk.postMultipart("/items/" + itemId + "/files",
          Map.of("_csrf", token, "step", "ITEM"), "会议纪要扫描件.pdf", () -> new GeneratedPdf(30 * MB), TRANSFER);
      assertThat(tooLarge.statusCode()).isEqualTo(413);
      assertThat(tooLarge.body()).contains("「会议纪要扫描件.pdf」超过了本件附件合计 320 MB 的上限（尚余 20 MB），未上传。");
      assertThat(fileIds(clerk.get("/items/" + itemId).body())).hasSize(1);
      assertThat(app.output()).doesNotContain("OutOfMemoryError");
      System.out.printf("300 MB under -Xmx256m: upload %d s, download with its check %d s%n", upload.toSeconds(),
          downloadTime.toSeconds());
    }
  }

  /** The office's clerk signed in, on an open item of the demo's once they are loaded (after the start). */
  private static String openItemOfTheClerk(WebSession clerk) throws InterruptedException {
    Instant end = Instant.now().plus(START);
    while (true) {
      if (clerk.login("jlgov-clerk", "demo").headers().firstValue("Location").map(to -> !to.contains("error")).orElse(false)) {
        Matcher item = OPEN_ITEM.matcher(clerk.get("/items?stage=DRAFTING").body());
        if (item.find()) {
          return item.group(1);
        }
      }
      assertThat(Instant.now()).as("no item in drafting for the clerk").isBefore(end);
      Thread.sleep(1000);
    }
  }

  private static String sha256(InputStream content) throws IOException {
    MessageDigest digest = sha256Digest();
    try (InputStream in = new DigestInputStream(content, digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256Digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A PDF header and then pseudo-random bytes, made as they are read and hashed on the way. */
  static final class GeneratedPdf extends InputStream {
    private static final byte[] HEADER = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    private final SplittableRandom random = new SplittableRandom(38);
    private final MessageDigest digest;
    private final long length;
    private long position;

    GeneratedPdf(long length) {
      this.length = length;
      this.digest = sha256Digest();
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
      if (position >= length) {
        return -1;
      }
      int n = (int) Math.min(count, length - position);
      for (int i = 0; i < n; i++) {
        long at = position + i;
        buffer[offset + i] = at < HEADER.length ? HEADER[(int) at] : (byte) random.nextInt();
      }
      digest.update(buffer, offset, n);
      position += n;
      return n;
    }

    String sha256() {
      return HexFormat.of().formatHex(digest.digest());
    }
  }
}
