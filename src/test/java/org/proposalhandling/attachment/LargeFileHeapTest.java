package org.proposalhandling.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.proposalhandling.attachment.AttachmentAccessTest.fileId;

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
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.proposalhandling.support.AppLayer;
import org.proposalhandling.mail.MailOutbox;
import org.proposalhandling.support.AppProcess;
import org.proposalhandling.support.ItemDriver;
import org.proposalhandling.support.WebSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two nodes on one database: this test's app (node A) and a second app in a JVM of its own under -Xmx256m
 * (node B, which exits on running out of memory), both on the test context's database. A file larger than B's whole
 * heap goes in and out of B: stored in chunks and read back with the same SHA-256, and a file over the item's limit
 * is refused with the Chinese message and leaves nothing. A file uploaded to A is served by B, and B's file is listed
 * on A. Neither side ever holds the large file: the test generates it as it sends it and hashes the download as it
 * arrives.
 */
@AppLayer
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class LargeFileHeapTest {

  static final long MB = 1024 * 1024;
  static final Duration START = Duration.ofMinutes(5);
  static final Duration TRANSFER = Duration.ofMinutes(3);

  @TempDir Path directory;
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired MailOutbox outbox;
  @Autowired DataSourceProperties database;

  @Test
  void twoNodesServeTheSameFilesAndOneLargerThanTheHeapGoesInAndOutWhole() throws Exception {
    String itemId = AttachmentAccessTest.coHandled(new ItemDriver(engine, outbox)).getBusinessKey();
    // Node B: the test context's database (jobs stay with the tests, which run them explicitly).
    try (AppProcess nodeB = AppProcess.startDemoWithHeap(directory, "256m",
        "--proposals.database.embedded.enabled=false", "--spring.datasource.url=" + database.getUrl(),
        "--spring.datasource.username=" + database.getUsername(), "--spring.datasource.password=" + database.getPassword(),
        "--camunda.bpm.job-execution.enabled=false",
        "--proposals.attachments.max-file-size=310MB", "--proposals.attachments.max-item-size=320MB",
        "--spring.servlet.multipart.max-file-size=400MB", "--spring.servlet.multipart.max-request-size=400MB")
        .awaitStarted(START)) {
      WebSession clerkOnA = signedIn(port);
      assertThat(AttachmentAccessTest.upload(clerkOnA, itemId, "ITEM", "原件扫描.pdf", AttachmentAccessTest.PDF)
          .statusCode()).isEqualTo(302);
      WebSession clerkOnB = signedIn(nodeB.port());
      String pageOnB = clerkOnB.get("/items/" + itemId).body();
      HttpResponse<byte[]> fromB = clerkOnB.getBytes("/items/" + itemId + "/files/" + fileId(pageOnB, "原件扫描.pdf"));
      assertThat(fromB.statusCode()).isEqualTo(200);
      assertThat(fromB.body()).as("A's upload served by B").isEqualTo(AttachmentAccessTest.PDF);

      GeneratedPdf large = new GeneratedPdf(300 * MB);
      Instant sent = Instant.now();
      HttpResponse<String> uploaded = clerkOnB.postMultipart("/items/" + itemId + "/files",
          Map.of("_csrf", WebSession.csrfOf(pageOnB), "step", "ITEM"), "全国人大代表建议扫描件.pdf", () -> large, TRANSFER);
      Duration upload = Duration.between(sent, Instant.now());
      assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
      String page = clerkOnB.get("/items/" + itemId).body();
      assertThat(page).contains("全国人大代表建议扫描件.pdf", "300.0 MB", "PDF 文档");
      assertThat(clerkOnA.get("/items/" + itemId).body()).as("B's upload listed on A").contains("全国人大代表建议扫描件.pdf", "300.0 MB");

      Instant asked = Instant.now();
      HttpResponse<InputStream> download = clerkOnB.getStream("/items/" + itemId + "/files/"
          + fileId(page, "全国人大代表建议扫描件.pdf"), TRANSFER);
      assertThat(download.statusCode()).isEqualTo(200);
      assertThat(download.headers().firstValueAsLong("Content-Length").orElseThrow()).isEqualTo(300 * MB);
      assertThat(sha256(download.body())).isEqualTo(large.sha256());
      Duration downloadTime = Duration.between(asked, Instant.now());

      // Not quite 20 MB left of the item's 320 (floored to 19): a file of 30 MB stops there (the per-file limit: AttachmentAccessTest).
      HttpResponse<String> tooLarge = clerkOnB.postMultipart("/items/" + itemId + "/files",
          Map.of("_csrf", WebSession.csrfOf(page), "step", "ITEM"), "会议纪要扫描件.pdf", () -> new GeneratedPdf(30 * MB), TRANSFER);
      assertThat(tooLarge.statusCode()).isEqualTo(413);
      assertThat(tooLarge.body()).contains("「会议纪要扫描件.pdf」超过了本件附件合计 320 MB 的上限（尚余 19 MB），未上传。");
      assertThat(AttachmentAccessTest.fileIds(clerkOnB.get("/items/" + itemId).body())).hasSize(2);
      assertThat(nodeB.output()).doesNotContain("OutOfMemoryError");
      System.out.printf("300 MB under -Xmx256m: upload %d s, download with its check %d s%n", upload.toSeconds(),
          downloadTime.toSeconds());
    }
  }

  private static WebSession signedIn(int port) {
    WebSession clerk = new WebSession(port);
    clerk.login("jlgov-clerk", "demo");
    return clerk;
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
