package org.proposalhandling.disclosure;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.proposalhandling.directory.UnitDirectory;
import org.proposalhandling.item.ItemKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The publication table: written once per published reply, read by the public pages. */
@Repository
class PublicationRepository {

  /**
   * What the public list may be narrowed to; null means any. Found: the publications a keyword search found, best
   * first, which then keep that order.
   */
  record Search(Integer year, String unitId, ItemKind kind, String q, List<String> found) {
  }

  private final JdbcClient jdbc;
  private final UnitDirectory units;

  PublicationRepository(JdbcClient jdbc, UnitDirectory units) {
    this.jdbc = jdbc;
    this.units = units;
  }

  void insert(Publication publication) {
    jdbc.sql("""
            insert into publication (id, item_id, round, unit_id, pub_year, serial, index_number, kind, title,
              document_number, written_on, published_on)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(publication.id(), publication.itemId(), publication.round(), publication.unitId(), publication.year(),
            publication.serial(), publication.indexNumber(), publication.kind().name(), publication.title(),
            publication.documentNumber(), Date.valueOf(publication.writtenOn()), Date.valueOf(publication.publishedOn()))
        .update();
  }

  boolean exists(String itemId, int round) {
    return jdbc.sql("select count(*) from publication where item_id = ? and round = ?").params(itemId, round)
        .query(Integer.class).single() > 0;
  }

  Optional<Publication> find(String id) {
    return jdbc.sql("select * from publication where id = ?").param(id).query(this::map).optional();
  }

  Optional<Publication> findByReply(String itemId, int round) {
    return jdbc.sql("select * from publication where item_id = ? and round = ?").params(itemId, round).query(this::map).optional();
  }

  /** Every published reply of an item, by round: after 不满意 a second reply supersedes the first. */
  List<Publication> ofItem(String itemId) {
    return jdbc.sql("select * from publication where item_id = ? order by round").param(itemId).query(this::map).list();
  }

  /** A page of the publications that match, newest first: each item's latest reply only. */
  List<Publication> page(Search search, int offset, int limit) {
    List<Object> params = new ArrayList<>();
    String where = where(search, params);
    String order = " order by published_on desc, pub_year desc, serial desc";
    if (search.found() != null && !search.found().isEmpty()) {
      order = " order by field(id, " + placeholders(search.found()) + ")";
      params.addAll(search.found());
    }
    params.add(limit);
    params.add(offset);
    return jdbc.sql("select * from publication" + where + order + " limit ? offset ?")
        .params(params).query(this::map).list();
  }

  int count(Search search) {
    List<Object> params = new ArrayList<>();
    String where = where(search, params);
    return jdbc.sql("select count(*) from publication" + where).params(params).query(Integer.class).single();
  }

  /** The years and units that have publications, for the search form. */
  List<Integer> years() {
    return jdbc.sql("select distinct pub_year from publication order by pub_year desc").query(Integer.class).list();
  }

  List<String> unitIds() {
    return jdbc.sql("select distinct unit_id from publication").query(String.class).list();
  }

  private static String where(Search search, List<Object> params) {
    List<String> conditions = new ArrayList<>();
    conditions.add("not exists (select 1 from publication later where later.item_id = publication.item_id"
        + " and later.round > publication.round)");
    if (search.year() != null) {
      conditions.add("pub_year = ?");
      params.add(search.year());
    }
    if (search.unitId() != null) {
      conditions.add("unit_id = ?");
      params.add(search.unitId());
    }
    if (search.kind() != null) {
      conditions.add("kind = ?");
      params.add(search.kind().name());
    }
    if (search.found() != null) {
      conditions.add(search.found().isEmpty() ? "1 = 0" : "id in (" + placeholders(search.found()) + ")");
      params.addAll(search.found());
    }
    return " where " + String.join(" and ", conditions);
  }

  private static String placeholders(List<String> values) {
    return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
  }

  private Publication map(ResultSet rs, int row) throws SQLException {
    return new Publication(rs.getString("id"), rs.getString("item_id"), rs.getInt("round"), rs.getString("unit_id"),
        units.nameOf(rs.getString("unit_id")), rs.getInt("pub_year"), rs.getInt("serial"), rs.getString("index_number"),
        ItemKind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("document_number"),
        rs.getObject("written_on", LocalDate.class), rs.getObject("published_on", LocalDate.class));
  }
}
