package org.proposalhandling.search.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.search.highlight.SimpleSpanFragmenter;
import org.apache.lucene.util.QueryBuilder;
import org.proposalhandling.search.ItemSearch;
import org.proposalhandling.search.SearchProperties;
import org.springframework.stereotype.Service;

/** {@link ItemSearch} on the node's Lucene index. */
@Service
class LuceneItemSearch implements ItemSearch {

  /** The fields a search reads, by weight: a word in the title counts more than one in a long reply. */
  private static final Map<String, Float> ITEM_FIELDS = Map.of(SearchIndex.TITLE, 3f, SearchIndex.PROPOSERS, 2f,
      SearchIndex.CONTENT, 1f, SearchIndex.REPLY, 1f);
  private static final Map<String, Float> PUBLISHED_FIELDS = Map.of(SearchIndex.TITLE, 2f, SearchIndex.REPLY, 1f);
  /** Where a passage is taken from, in this order of preference, with the label the ledger shows. */
  private static final Map<String, String> PASSAGE_FIELDS = Map.of(SearchIndex.CONTENT, "正文", SearchIndex.REPLY, "答复",
      SearchIndex.PROPOSERS, "提出人", SearchIndex.TITLE, "标题");
  private static final List<String> PASSAGE_ORDER = List.of(SearchIndex.CONTENT, SearchIndex.REPLY, SearchIndex.PROPOSERS,
      SearchIndex.TITLE);
  /** Far above any text score: the item of the number first, then the numbers that contain it. */
  private static final float EXACT_NUMBER = 1000;
  private static final float PART_OF_NUMBER = 500;
  private static final int PASSAGE_CHARACTERS = 90;
  private static final int SIMILAR_PASSAGES = 3;
  private static final int ALIKE_MAX_DOC_PERCENT = 50;
  private static final Set<String> ALIKE_FIELDS = Set.of(SearchIndex.ITEM, SearchIndex.SESSION, SearchIndex.NUMBER,
      SearchIndex.TITLE, SearchIndex.CONTENT);

  private final SearchIndex index;
  private final SearchProperties properties;

  LuceneItemSearch(SearchIndex index, SearchProperties properties) {
    this.index = index;
    this.properties = properties;
  }

  @Override
  public List<String> items(String query, Set<String> readers) {
    String text = query == null ? "" : query.strip();
    if (text.isEmpty() || readers.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder matching = new BooleanQuery.Builder();
    String number = text.replaceFirst("^第", "").replaceFirst("号$", "");
    matching.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(SearchIndex.NUMBER, number))), EXACT_NUMBER),
        Occur.SHOULD);
    if (number.matches("[0-9A-Za-z-]+")) {
      matching.add(new BoostQuery(new ConstantScoreQuery(new WildcardQuery(new Term(SearchIndex.NUMBER_FOLDED,
          "*" + number.toLowerCase() + "*"))), PART_OF_NUMBER), Occur.SHOULD);
    }
    Query words = words(text, ITEM_FIELDS);
    if (words != null) {
      matching.add(words, Occur.SHOULD);
    }
    Query search = new BooleanQuery.Builder().add(matching.build(), Occur.MUST)
        .add(type(SearchIndex.TYPE_ITEM), Occur.FILTER).add(anyOf(SearchIndex.READER, readers), Occur.FILTER).build();
    // Only the id of each of up to max-hits documents: loading their stored texts took most of a search's time.
    return search(search, properties.maxHits(), Set.of(SearchIndex.ITEM), document -> document.get(SearchIndex.ITEM));
  }

  @Override
  public Map<String, Hit> passages(String query, List<String> itemIds) {
    Query words = query == null ? null : words(query.strip(), ITEM_FIELDS);
    if (words == null || itemIds.isEmpty()) {
      return Map.of();
    }
    Query search = new BooleanQuery.Builder().add(type(SearchIndex.TYPE_ITEM), Occur.FILTER)
        .add(anyOf(SearchIndex.ITEM, itemIds), Occur.FILTER).build();
    return search(search, itemIds.size(), null, document -> passage(words, document)).stream().filter(Objects::nonNull)
        .collect(Collectors.toMap(Hit::itemId, hit -> hit));
  }

  /** The item's first field, in the order of preference, that holds the words; null if none does. */
  private Hit passage(Query words, Document document) {
    for (String field : PASSAGE_ORDER) {
      String passage = best(words, field, document, 1).stream().findFirst().orElse(null);
      if (passage != null) {
        return new Hit(document.get(SearchIndex.ITEM), PASSAGE_FIELDS.get(field), passage);
      }
    }
    return null;
  }

  @Override
  public List<PublishedHit> published(String query, int limit) {
    Query words = query == null ? null : words(query.strip(), PUBLISHED_FIELDS);
    if (words == null) {
      return List.of();
    }
    Query search = new BooleanQuery.Builder().add(words, Occur.MUST)
        .add(type(SearchIndex.TYPE_PUBLICATION), Occur.FILTER).build();
    return search(search, limit, null, document -> new PublishedHit(document.get(SearchIndex.PUBLICATION),
        best(words, SearchIndex.REPLY, document, 1).stream().findFirst()
            .orElseGet(() -> best(words, SearchIndex.TITLE, document, 1).stream().findFirst().orElse(null))));
  }

  @Override
  public List<Similar> similar(String text, String exceptItemId, Set<String> readers, int limit) {
    IndexSearcher searcher = acquire();
    try {
      Query likeQuery = like(searcher, text, List.of(SearchIndex.TITLE, SearchIndex.CONTENT, SearchIndex.REPLY), 100);
      BooleanQuery.Builder visible = new BooleanQuery.Builder().add(anyOf(SearchIndex.READER, readers), Occur.SHOULD)
          .add(new TermQuery(new Term(SearchIndex.PUBLISHED, "true")), Occur.SHOULD);
      Query search = new BooleanQuery.Builder().add(likeQuery, Occur.MUST)
          .add(type(SearchIndex.TYPE_ITEM), Occur.FILTER)
          .add(new TermQuery(new Term(SearchIndex.ANSWERED, "true")), Occur.FILTER)
          .add(visible.setMinimumNumberShouldMatch(1).build(), Occur.FILTER)
          .add(new TermQuery(new Term(SearchIndex.ITEM, exceptItemId == null ? "" : exceptItemId)), Occur.MUST_NOT)
          .build();
      List<Similar> found = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(search, limit).scoreDocs) {
        found.add(similar(searcher, searcher.storedFields().document(hit.doc), likeQuery, readers));
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  @Override
  public List<Alike> alike(String text, String exceptItemId, Set<String> readers, int limit) {
    if (readers.isEmpty()) {
      return List.of();
    }
    IndexSearcher searcher = acquire();
    try {
      // The proposals' own words only: a reply repeats the subject in the department's words, not the proposer's.
      // Words in more than half of the items (建议, 内容, 加强) say nothing of a subject.
      Query search = new BooleanQuery.Builder()
          .add(like(searcher, text, List.of(SearchIndex.TITLE, SearchIndex.CONTENT), ALIKE_MAX_DOC_PERCENT), Occur.MUST)
          .add(type(SearchIndex.TYPE_ITEM), Occur.FILTER).add(anyOf(SearchIndex.READER, readers), Occur.FILTER)
          .add(new TermQuery(new Term(SearchIndex.ITEM, exceptItemId == null ? "" : exceptItemId)), Occur.MUST_NOT)
          .build();
      List<Alike> found = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(search, limit).scoreDocs) {
        Document item = searcher.storedFields().document(hit.doc, ALIKE_FIELDS);
        found.add(new Alike(item.get(SearchIndex.ITEM), item.get(SearchIndex.SESSION), item.get(SearchIndex.NUMBER),
            item.get(SearchIndex.TITLE),
            item.get(SearchIndex.CONTENT)));
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  /**
   * The words that carry the text's subject, looked for in these fields (each field's best count), leaving out
   * those in more than this percent of the documents.
   */
  private Query like(IndexSearcher searcher, String text, List<String> fields, int maxDocPercent) throws IOException {
    MoreLikeThis like = new MoreLikeThis(searcher.getIndexReader());
    like.setMaxDocFreqPct(maxDocPercent);
    like.setAnalyzer(index.analyzer());
    like.setMinTermFreq(1);
    like.setMinDocFreq(1);
    like.setMaxQueryTerms(25);
    // Single characters (的, 和, 养) match everything: the words of two characters and more carry the subject.
    like.setMinWordLen(2);
    BooleanQuery.Builder alike = new BooleanQuery.Builder();
    for (String field : fields) {
      like.setFieldNames(new String[] {field});
      alike.add(like.like(field, new StringReader(text)), Occur.SHOULD);
    }
    return alike.build();
  }

  /** The passages of an item its readers read, else of its published replies only, the latest one linked. */
  private Similar similar(IndexSearcher searcher, Document item, Query likeQuery, Set<String> readers) throws IOException {
    String itemId = item.get(SearchIndex.ITEM);
    if (Arrays.stream(item.getValues(SearchIndex.READER)).anyMatch(readers::contains)) {
      return new Similar(itemId, true, null, best(likeQuery, SearchIndex.REPLY, item, SIMILAR_PASSAGES));
    }
    Query publications = new BooleanQuery.Builder().add(type(SearchIndex.TYPE_PUBLICATION), Occur.FILTER)
        .add(new TermQuery(new Term(SearchIndex.ITEM, itemId)), Occur.FILTER).build();
    List<String> passages = new ArrayList<>();
    String latest = null;
    for (ScoreDoc hit : searcher.search(publications, 100).scoreDocs) {
      Document publication = searcher.storedFields().document(hit.doc);
      passages.addAll(best(likeQuery, SearchIndex.REPLY, publication, SIMILAR_PASSAGES));
      latest = publication.get(SearchIndex.PUBLICATION);
    }
    return new Similar(itemId, false, latest, passages.stream().limit(SIMILAR_PASSAGES).toList());
  }

  /** Every word of the text in one of the fields (the best field counts), a phrase counting double. */
  private Query words(String text, Map<String, Float> fields) {
    QueryBuilder builder = new QueryBuilder(index.analyzer());
    List<Query> perField = new ArrayList<>();
    fields.forEach((field, weight) -> {
      Query all = builder.createBooleanQuery(field, text, Occur.MUST);
      if (all != null) {
        BooleanQuery.Builder inField = new BooleanQuery.Builder().add(all, Occur.MUST);
        Query phrase = builder.createPhraseQuery(field, text);
        if (phrase != null) {
          inField.add(new BoostQuery(phrase, 2), Occur.SHOULD);
        }
        perField.add(new BoostQuery(inField.build(), weight));
      }
    });
    return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, 0.1f);
  }

  private static Query type(String type) {
    return new TermQuery(new Term(SearchIndex.TYPE, type));
  }

  private static Query anyOf(String field, Collection<String> values) {
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    values.forEach(value -> any.add(new TermQuery(new Term(field, value)), Occur.SHOULD));
    return any.setMinimumNumberShouldMatch(1).build();
  }

  /** The field's passages that hold the query's words best, escaped, the words marked. */
  private List<String> best(Query query, String field, Document document, int count) {
    String text = String.join("\n", document.getValues(field));
    if (text.isBlank()) {
      return List.of();
    }
    QueryScorer scorer = new QueryScorer(query, field);
    Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), scorer);
    highlighter.setTextFragmenter(new SimpleSpanFragmenter(scorer, PASSAGE_CHARACTERS));
    highlighter.setMaxDocCharsToAnalyze(Integer.MAX_VALUE);
    try {
      return Arrays.stream(highlighter.getBestFragments(index.analyzer(), field, text, count))
          .filter(fragment -> fragment.contains("<mark>")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InvalidTokenOffsetsException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface HitReader<T> {
    T read(Document document) throws IOException;
  }

  /** The hits' documents, with only these fields (null: all), each read into a T. */
  private <T> List<T> search(Query query, int limit, Set<String> fields, HitReader<T> reader) {
    IndexSearcher searcher = acquire();
    try {
      List<T> hits = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
        hits.add(reader.read(fields == null ? searcher.storedFields().document(hit.doc)
            : searcher.storedFields().document(hit.doc, fields)));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }

  private IndexSearcher acquire() {
    try {
      return index.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      index.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
