package org.proposalhandling.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import liquibase.change.custom.CustomTaskChange;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.CustomChangeException;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts the engine's tables (ACT_*) to utf8mb4_bin where they are not, so that 4-byte characters (𠮷)
 * fit in the engine's variables on MySQL 8 too. The engine's scripts declare "DEFAULT CHARSET=utf8", which
 * MySQL 8, and MariaDB without old_mode='', read as 3-byte utf8mb3. Tables already utf8mb4_bin (MariaDB
 * with old_mode, or converted before) are left alone, so this runs at every start (changeset 007) and also
 * catches tables that a later engine upgrade creates.
 * <p>
 * MariaDB refuses to convert a column that a foreign key uses, even with foreign_key_checks off: the keys
 * touching the tables to convert are dropped first and re-added as they were afterwards. MySQL commits each
 * ALTER by itself; the statements are logged, so that an interrupted conversion can be finished by hand.
 * <p>
 * One of the engine patches (docs/architecture.md), kept here and not in the engine module: changeset 007 names
 * this class, and a changeset that ran is never edited.
 */
public class EngineTablesUtf8mb4 implements CustomTaskChange {

  private static final Logger LOG = LoggerFactory.getLogger(EngineTablesUtf8mb4.class);

  /** Engine tables whose own collation or any of whose text columns are not utf8mb4_bin. */
  private static final String NOT_UTF8MB4 = """
      select t.table_name from information_schema.tables t
      where t.table_schema = database() and t.table_type = 'BASE TABLE' and t.table_name like 'ACT\\_%'
        and (t.table_collation <> 'utf8mb4_bin' or exists (select 1 from information_schema.columns c
             where c.table_schema = t.table_schema and c.table_name = t.table_name
               and c.collation_name is not null and c.collation_name <> 'utf8mb4_bin'))
      order by t.table_name""";

  /** Every foreign key of the schema with its columns in order, and its rules. */
  private static final String FOREIGN_KEYS = """
      select k.table_name, k.constraint_name, k.column_name, k.referenced_table_name, k.referenced_column_name,
             r.delete_rule, r.update_rule
      from information_schema.key_column_usage k
      join information_schema.referential_constraints r
        on r.constraint_schema = k.constraint_schema and r.constraint_name = k.constraint_name
       and r.table_name = k.table_name
      where k.table_schema = database() and k.referenced_table_name is not null
      order by k.table_name, k.constraint_name, k.ordinal_position""";

  record ForeignKey(String table, String name, List<String> columns, String referencedTable,
                    List<String> referencedColumns, String deleteRule, String updateRule) {

    boolean touches(List<String> tables) {
      return tables.contains(table) || tables.contains(referencedTable);
    }

    String drop() {
      return "alter table `" + table + "` drop foreign key `" + name + "`";
    }

    String add() {
      return "alter table `" + table + "` add constraint `" + name + "` foreign key (" + quoted(columns) + ") references `"
          + referencedTable + "` (" + quoted(referencedColumns) + ") on delete " + deleteRule + " on update " + updateRule;
    }

    private static String quoted(List<String> names) {
      return String.join(", ", names.stream().map(name -> "`" + name + "`").toList());
    }
  }

  @Override
  public void execute(Database database) throws CustomChangeException {
    Connection connection = ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    try (Statement statement = connection.createStatement()) {
      List<String> tables = column(statement, NOT_UTF8MB4);
      if (tables.isEmpty()) {
        return;
      }
      LOG.info("Converting the engine's tables {} to utf8mb4_bin", tables);
      List<ForeignKey> keys = foreignKeys(statement).stream().filter(key -> key.touches(tables)).toList();
      for (ForeignKey key : keys) {
        run(statement, key.drop());
      }
      for (String table : tables) {
        run(statement, "alter table `" + table + "` convert to character set utf8mb4 collate utf8mb4_bin");
      }
      for (ForeignKey key : keys) {
        run(statement, key.add());
      }
    } catch (SQLException e) {
      throw new CustomChangeException("Cannot convert the engine's tables to utf8mb4: " + e.getMessage(), e);
    }
  }

  private static void run(Statement statement, String sql) throws SQLException {
    LOG.info("{}", sql);
    statement.execute(sql);
  }

  private static List<String> column(Statement statement, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  /** The rows come ordered by key and column position: a key's columns are consecutive rows. */
  private static List<ForeignKey> foreignKeys(Statement statement) throws SQLException {
    List<ForeignKey> keys = new ArrayList<>();
    ForeignKey key = null;
    try (ResultSet rows = statement.executeQuery(FOREIGN_KEYS)) {
      while (rows.next()) {
        if (key == null || !key.table().equals(rows.getString(1)) || !key.name().equals(rows.getString(2))) {
          key = new ForeignKey(rows.getString(1), rows.getString(2), new ArrayList<>(), rows.getString(4),
              new ArrayList<>(), rows.getString(6), rows.getString(7));
          keys.add(key);
        }
        key.columns().add(rows.getString(3));
        key.referencedColumns().add(rows.getString(5));
      }
    }
    return keys;
  }

  @Override
  public String getConfirmationMessage() {
    return "The engine's tables are utf8mb4_bin";
  }

  @Override
  public void setUp() {
    // Nothing to set up: the change reads the schema when it runs.
  }

  @Override
  public void setFileOpener(ResourceAccessor resourceAccessor) {
    // No files.
  }

  @Override
  public ValidationErrors validate(Database database) {
    return new ValidationErrors();
  }
}
