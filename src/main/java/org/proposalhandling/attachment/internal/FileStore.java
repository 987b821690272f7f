package org.proposalhandling.attachment.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import com.mysql.cj.jdbc.JdbcConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The files' rows and their content in chunks of 512 KB, written and read one chunk at a time: a file of
 * any size costs the heap one chunk (Connector/J holds a whole setBinaryStream, and a whole result row).
 */
@Repository
class FileStore {

  static final int CHUNK = 512 * 1024;
  private static final Logger log = LoggerFactory.getLogger(FileStore.class);

  /** One file of an item, as stored. */
  record StoredFile(String id, String itemId, String step, String stepName, int round, String fileName,
                    String mediaType, long size, String sha256, String addedBy, Instant addedAt, String replacedBy) {
  }

  /** What a new file is, before its content. */
  record NewFile(String itemId, String step, String stepName, int round, String fileName, String addedBy,
                 Instant addedAt) {
  }

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  FileStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /**
   * Stores the content (its type already known) chunk by chunk with its SHA-256, refusing it once it passes
   * the limit; to be called in a transaction, so that a refused file leaves nothing behind.
   */
  StoredFile save(NewFile file, String mediaType, InputStream content, long limit, String limitText) {
    String id = UUID.randomUUID().toString();
    jdbc.sql("""
        insert into item_file (id, item_id, step, step_name, handling_round, file_name, media_type, size, sha256,
                               added_by, added_at)
        values (?, ?, ?, ?, ?, ?, ?, 0, '', ?, ?)""")
        .params(id, file.itemId(), file.step(), file.stepName(), file.round(), file.fileName(), mediaType, file.addedBy(),
            Timestamp.from(file.addedAt()))
        .update();
    MessageDigest sha256 = sha256();
    long size = template.execute((ConnectionCallback<Long>) connection -> {
      // The binary protocol sends a chunk's bytes as they are; a client-side prepared statement (the app's
      // default) escapes each byte into the statement's text: a 300 MB file took 118 s to store that way.
      try (PreparedStatement insert = connection.unwrap(JdbcConnection.class)
          .serverPrepareStatement("insert into item_file_chunk (file_id, seq, bytes) values (?, ?, ?)")) {
        return insertChunks(id, file.fileName(), content, limit, limitText, sha256, insert);
      }
    });
    if (size == 0) {
      throw new AttachmentRefusedException(HttpStatus.BAD_REQUEST, "「" + file.fileName() + "」是空文件，未上传。");
    }
    String digest = HexFormat.of().formatHex(sha256.digest());
    jdbc.sql("update item_file set size = ?, sha256 = ? where id = ?").params(size, digest, id).update();
    return find(file.itemId(), id).orElseThrow();
  }

  private static long insertChunks(String fileId, String fileName, InputStream content, long limit, String limitText,
                                   MessageDigest sha256, PreparedStatement insert) throws SQLException {
    byte[] buffer = new byte[CHUNK];
    long size = 0;
    int seq = 0;
    try {
      for (int read = content.readNBytes(buffer, 0, CHUNK); read > 0; read = content.readNBytes(buffer, 0, CHUNK)) {
        size += read;
        if (size > limit) {
          throw new AttachmentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE, "「" + fileName + "」超过了" + limitText + "，未上传。");
        }
        sha256.update(buffer, 0, read);
        insert.setString(1, fileId);
        insert.setInt(2, seq++);
        insert.setBytes(3, read == CHUNK ? buffer : Arrays.copyOf(buffer, read));
        insert.executeUpdate();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return size;
  }

  /** The item's files in the order they came, withdrawn ones left out. */
  List<StoredFile> of(String itemId) {
    return jdbc.sql("select * from item_file where item_id = ? and withdrawn_at is null order by added_at, id")
        .param(itemId).query(FileStore::row).list();
  }

  /** The current files (neither withdrawn nor replaced) added at this step in this round, in the order they came. */
  List<StoredFile> of(String itemId, String step, int round) {
    return jdbc.sql("""
            select * from item_file where item_id = ? and step = ? and handling_round = ? and withdrawn_at is null
            and replaced_by is null order by added_at, id""")
        .params(itemId, step, round).query(FileStore::row).list();
  }

  /** A file of this item (not of another, not withdrawn). */
  Optional<StoredFile> find(String itemId, String fileId) {
    return jdbc.sql("select * from item_file where id = ? and item_id = ? and withdrawn_at is null")
        .params(fileId, itemId).query(FileStore::row).optional();
  }

  /** The bytes the item's files take, replaced versions included (they are kept). */
  long used(String itemId) {
    return jdbc.sql("select coalesce(sum(size), 0) from item_file where item_id = ? and withdrawn_at is null")
        .param(itemId).query(Long.class).single();
  }

  void replaced(String fileId, String byFileId) {
    jdbc.sql("update item_file set replaced_by = ? where id = ?").params(byFileId, fileId).update();
  }

  /** Withdrawn: the row stays as the record of what was there, its content goes (nobody reads it any more). */
  void withdrawn(String fileId, Instant at) {
    jdbc.sql("update item_file set withdrawn_at = ? where id = ?").params(Timestamp.from(at), fileId).update();
    jdbc.sql("delete from item_file_chunk where file_id = ?").param(fileId).update();
  }

  /** Takes a file's content a chunk at a time. */
  interface ChunkSink {
    void accept(byte[] chunk) throws IOException;
  }

  /**
   * Reads the file once, a chunk at a time, into the sink, checking its SHA-256 on the way: every chunk but the
   * last goes on as it is read, the last only once the whole is known to match, so that no copy that differs from
   * the upload is ever complete. Throws the Chinese refusal when it no longer matches. A download that checked
   * the whole file first and then read it again to send it took twice the reads (300 MB: 142 s on a loaded CI).
   */
  void read(StoredFile file, ChunkSink sink) throws IOException {
    MessageDigest sha256 = sha256();
    byte[] held = null;
    for (int seq = 0, chunks = chunks(file.id()); seq < chunks; seq++) {
      byte[] chunk = chunk(file.id(), seq);
      sha256.update(chunk);
      if (held != null) {
        sink.accept(held);
      }
      held = chunk;
    }
    String found = HexFormat.of().formatHex(sha256.digest());
    if (!found.equals(file.sha256())) {
      log.error("Item file {} ({}) of item {}: stored SHA-256 {}, content's {}; not served", file.id(), file.fileName(),
          file.itemId(), file.sha256(), found);
      throw new AttachmentRefusedException(HttpStatus.INTERNAL_SERVER_ERROR,
          "附件「" + file.fileName() + "」的内容与上传时不一致（校验值不符），未提供下载，请联系系统管理员。");
    }
    if (held != null) {
      sink.accept(held);
    }
  }

  /** Checks the file's SHA-256 before any of it is used (a ZIP of several, a mail's attachment). */
  void verify(StoredFile file) {
    try {
      read(file, chunk -> { });
    } catch (IOException cannotHappen) {
      throw new UncheckedIOException(cannotHappen);
    }
  }

  void write(StoredFile file, OutputStream out) throws IOException {
    try (InputStream content = open(file)) {
      content.transferTo(out);
    }
  }

  /** The file's content, read a chunk at a time as it is consumed. */
  InputStream open(StoredFile file) {
    int chunks = chunks(file.id());
    return new SequenceInputStream(new Enumeration<>() {
      private int seq;

      @Override
      public boolean hasMoreElements() {
        return seq < chunks;
      }

      @Override
      public InputStream nextElement() {
        return new ByteArrayInputStream(chunk(file.id(), seq++));
      }
    });
  }

  private int chunks(String fileId) {
    return jdbc.sql("select count(*) from item_file_chunk where file_id = ?").param(fileId).query(Integer.class).single();
  }

  private byte[] chunk(String fileId, int seq) {
    return jdbc.sql("select bytes from item_file_chunk where file_id = ? and seq = ?").params(fileId, seq)
        .query(byte[].class).single();
  }

  private static StoredFile row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new StoredFile(rs.getString("id"), rs.getString("item_id"), rs.getString("step"), rs.getString("step_name"),
        rs.getInt("handling_round"), rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size"), rs.getString("sha256"),
        rs.getString("added_by"), rs.getTimestamp("added_at").toInstant(), rs.getString("replaced_by"));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
