package org.proposalhandling.consultation.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The files that go with a draft (tables, the list of services...), kept with the consultation. */
@Repository
class Attachments {

  record Upload(String fileName, String contentType, byte[] content) {
  }

  record Listed(String id, String fileName, long size) {
  }

  private final JdbcClient jdbc;

  Attachments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(String consultationId, Upload upload) {
    jdbc.sql("insert into consultation_attachment (id, consultation_id, file_name, content_type, content) values (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID().toString(), consultationId, upload.fileName(), upload.contentType(), upload.content())
        .update();
  }

  List<Listed> of(String consultationId) {
    return jdbc.sql("select id, file_name, length(content) as size from consultation_attachment where consultation_id = ? order by file_name")
        .param(consultationId).query((rs, row) -> new Listed(rs.getString("id"), rs.getString("file_name"), rs.getLong("size"))).list();
  }

  Optional<Upload> get(String consultationId, String id) {
    return jdbc.sql("select file_name, content_type, content from consultation_attachment where consultation_id = ? and id = ?")
        .params(consultationId, id)
        .query((rs, row) -> new Upload(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
        .optional();
  }
}
