package org.proposalhandling.points;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Matches each point with the reply's sections. A point is answered when the reply names it (关于您提案中的第二条
 * 建议, 关于第二点), when a section's heading quotes it (一、关于加强……的建议), or when one section covers enough
 * of its words. Words are character bigrams weighted by how few of the reply's sections use them: 养老 and 服务
 * are in every section of an elderly-care reply and tell nothing; 婚俗 in one tells much.
 */
final class PointMatcher {

  /**
   * Tuned on the evaluation set (docs/drafting-help.md): the points its cases answer by content alone score 0.59
   * to 0.92, the left-out ones 0.03 to 0.51 (a reply's other sections share some of a point's words).
   */
  static final double CONTENT_THRESHOLD = 0.55;
  static final double HEADING_SHARE = 0.6;
  static final double NAMING_SHARE = 0.8;
  static final int NAMING_BIGRAMS = 4;

  private static final Pattern REFERENCE = Pattern.compile("第([一二三四五六七八九十]{1,3}|\\d{1,2})[条点项]");
  private static final Pattern REFERRING = Pattern.compile("(关于|对于|针对|就|您|你|贵|提出的)[^。；，,\\n]{0,12}$");
  private static final Pattern REFERRED = Pattern.compile("^(建议|意见|提案|所提)");

  private PointMatcher() {}

  static List<PointAnswer> match(List<Point> points, String reply) {
    Set<Integer> referenced = referencedOrdinals(reply);
    List<ReplySection> sections = ReplySection.of(reply);
    Function<String, Double> weight = weights(sections);
    return points.stream().map(point -> {
      if (referenced.contains(point.ordinal())) {
        return new PointAnswer(point, PointAnswer.How.REFERENCE);
      }
      if (sections.stream().anyMatch(section -> quotes(section, point))) {
        return new PointAnswer(point, PointAnswer.How.HEADING);
      }
      boolean covered = coverage(point, sections, weight) >= CONTENT_THRESHOLD;
      return new PointAnswer(point, covered ? PointAnswer.How.CONTENT : PointAnswer.How.NONE);
    }).toList();
  }

  private static Set<Integer> referencedOrdinals(String reply) {
    Set<Integer> ordinals = new HashSet<>();
    Matcher matcher = REFERENCE.matcher(reply);
    while (matcher.find()) {
      String before = reply.substring(Math.max(0, matcher.start() - 16), matcher.start());
      String after = reply.substring(matcher.end(), Math.min(reply.length(), matcher.end() + 2));
      if (REFERRING.matcher(before).find() || REFERRED.matcher(after).find()) {
        String number = matcher.group(1);
        ordinals.add(Character.isDigit(number.charAt(0)) ? Integer.parseInt(number) : Numerals.parse(number));
      }
    }
    return ordinals;
  }

  /**
   * The heading quotes the point's first clause (一、关于加强……的建议), or names it in fewer words of its own
   * (三、异常交易提醒), though not in words as short as 二、关于养老.
   */
  private static boolean quotes(ReplySection section, Point point) {
    Set<String> head = Bigrams.of(point.text().split("[。；;\\n]", 2)[0]);
    return Bigrams.share(head, section.headingBigrams()) >= HEADING_SHARE
        || section.headingBigrams().size() >= NAMING_BIGRAMS
        && Bigrams.share(section.headingBigrams(), Bigrams.of(point.text())) >= NAMING_SHARE;
  }

  /** ln(1 + n / sections using the bigram): a bigram every section uses weighs least; one none uses as one in one. */
  private static Function<String, Double> weights(List<ReplySection> sections) {
    Map<String, Long> used = sections.stream().flatMap(section -> section.bigrams().stream())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    int count = sections.size();
    return bigram -> Math.log(1 + count / (double) Math.max(1L, used.getOrDefault(bigram, 0L)));
  }

  /**
   * How much of the point the reply covers, clause by clause (完善政策体系，加大资金支持: a reply may answer
   * each clause in a section of its own), each clause by its best section, weighted by the clause's words.
   */
  private static double coverage(Point point, List<ReplySection> sections, Function<String, Double> weight) {
    double total = 0;
    double covered = 0;
    for (String clause : point.text().split("[，,；;。\\n]")) {
      Set<String> bigrams = Bigrams.of(clause);
      double clauseTotal = bigrams.stream().mapToDouble(weight::apply).sum();
      double best = sections.stream().mapToDouble(section -> bigrams.stream().filter(section.bigrams()::contains)
          .mapToDouble(weight::apply).sum()).max().orElse(0);
      total += clauseTotal;
      covered += best;
    }
    return total == 0 ? 0 : covered / total;
  }
}
