package org.proposalhandling.search.internal;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.proposalhandling.search.SearchProperties;
import org.proposalhandling.search.internal.ItemTexts.ItemText;
import org.proposalhandling.search.internal.ItemTexts.ReplyText;
import org.springframework.stereotype.Component;

/**
 * The Lucene index of one node: one document per item (its number, session, title, text, proposers, every round's reply,
 * its readers) and one per published reply (only what the public page shows). Written by one thread
 * ({@link IndexUpdates}); read by any. Its commit carries the layout's version and the id of the last history row
 * it reflects, from which a node catches up after a restart.
 */
@Component
class SearchIndex {

  /** The documents' layout: an index of another version is rebuilt at start. */
  static final String VERSION = "2";

  static final String ITEM = "item";
  static final String TYPE = "type";
  static final String NUMBER = "number";
  static final String SESSION = "session";
  static final String NUMBER_FOLDED = "numberFolded";
  static final String TITLE = "title";
  static final String CONTENT = "content";
  static final String PROPOSERS = "proposers";
  static final String REPLY = "reply";
  static final String READER = "reader";
  static final String ANSWERED = "answered";
  static final String PUBLISHED = "published";
  static final String PUBLICATION = "publication";
  static final String TYPE_ITEM = "item";
  static final String TYPE_PUBLICATION = "publication";

  private static final String VERSION_KEY = "version";
  private static final String HISTORY_KEY = "history";

  private final Analyzer analyzer = new SmartChineseAnalyzer();
  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final boolean current;

  SearchIndex(SearchProperties properties) {
    try {
      Files.createDirectories(properties.directory());
      directory = FSDirectory.open(properties.directory());
      current = DirectoryReader.indexExists(directory)
          && VERSION.equals(committed(directory).get(VERSION_KEY));
      writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
          .setOpenMode(current ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE));
      searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException("全文检索索引无法打开：" + properties.directory(), e);
    }
  }

  Analyzer analyzer() {
    return analyzer;
  }

  /** Whether the index was there at start, of this layout; else it must be rebuilt. */
  boolean currentAtStart() {
    return current;
  }

  /** The last history row the committed index reflects; 0 for a new index. */
  long historyMark() {
    String mark = writer.getLiveCommitData() == null ? null : liveCommitData().get(HISTORY_KEY);
    return mark == null ? 0 : Long.parseLong(mark);
  }

  /** Replaces the documents of these items (a rebuild: of all items, after {@link #clear()}). */
  void put(Collection<ItemText> items) throws IOException {
    for (ItemText item : items) {
      writer.updateDocuments(new Term(ITEM, item.id()), documents(item));
    }
  }

  void clear() throws IOException {
    writer.deleteAll();
  }

  /** Makes the changes durable with the history row they reach. */
  void commit(long historyMark) throws IOException {
    writer.setLiveCommitData(Map.of(VERSION_KEY, VERSION, HISTORY_KEY, Long.toString(historyMark)).entrySet());
    writer.commit();
  }

  /** Makes the changes visible to the next searches. */
  void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** A searcher to use and give back ({@link #release}). */
  IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  @PreDestroy
  void close() throws IOException {
    searchers.close();
    writer.close();
    directory.close();
  }

  private List<Document> documents(ItemText item) {
    List<Document> documents = new ArrayList<>();
    Document document = new Document();
    document.add(new StringField(ITEM, item.id(), Field.Store.YES));
    document.add(new StringField(TYPE, TYPE_ITEM, Field.Store.NO));
    document.add(new StringField(NUMBER, item.number(), Field.Store.YES));
    document.add(new StoredField(SESSION, item.session()));
    document.add(new StringField(NUMBER_FOLDED, item.number().toLowerCase(), Field.Store.NO));
    document.add(new TextField(TITLE, item.title(), Field.Store.YES));
    if (item.content() != null) {
      document.add(new TextField(CONTENT, item.content(), Field.Store.YES));
    }
    document.add(new TextField(PROPOSERS, String.join("、", item.proposers()), Field.Store.YES));
    item.readers().forEach(reader -> document.add(new StringField(READER, reader, Field.Store.YES)));
    document.add(new StringField(ANSWERED, Boolean.toString(item.answered()), Field.Store.NO));
    boolean published = item.replies().stream().anyMatch(reply -> reply.publicationId() != null);
    document.add(new StringField(PUBLISHED, Boolean.toString(published), Field.Store.NO));
    for (ReplyText reply : item.replies()) {
      if (reply.body() != null) {
        document.add(new TextField(REPLY, reply.body(), Field.Store.YES));
      }
    }
    documents.add(document);
    for (ReplyText reply : item.replies()) {
      if (reply.publicationId() != null && reply.body() != null) {
        Document publication = new Document();
        publication.add(new StringField(ITEM, item.id(), Field.Store.YES));
        publication.add(new StringField(TYPE, TYPE_PUBLICATION, Field.Store.NO));
        publication.add(new StringField(PUBLICATION, reply.publicationId(), Field.Store.YES));
        publication.add(new TextField(TITLE, reply.publicationTitle(), Field.Store.YES));
        publication.add(new TextField(REPLY, reply.body(), Field.Store.YES));
        documents.add(publication);
      }
    }
    return documents;
  }

  private Map<String, String> liveCommitData() {
    Map<String, String> data = new java.util.HashMap<>();
    writer.getLiveCommitData().forEach(entry -> data.put(entry.getKey(), entry.getValue()));
    return data;
  }

  private static Map<String, String> committed(Directory directory) throws IOException {
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      return reader.getIndexCommit().getUserData();
    }
  }
}
