package org.proposalhandling.webapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.proposalhandling.support.ModelLayer;

/**
 * Our zh.json of each Camunda webapp must cover exactly the keys of the English file shipped in
 * the camunda-webapp-webjar, and each app's config.js must offer 'zh'.
 *
 * <p>Our resources sit at the same classpath paths as the webjar's, so every lookup picks the
 * copy it wants explicitly: the English file from the webjar jar, ours from the build output
 * directory (a {@code file:} URL).
 */
@ModelLayer
class WebappLocaleTest {

  private static final String APP_DIR = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^}]*?)\\s*}}");
  private static final Pattern AVAILABLE_LOCALES =
      Pattern.compile("^\\s*['\"]?availableLocales['\"]?\\s*:\\s*\\[([^\\]]*)]", Pattern.MULTILINE);

  private final ObjectMapper mapper = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void zhCoversExactlyTheEnglishKeys(String app) throws IOException {
    Map<String, JsonNode> en = flatten(readJson(webjarResource(app, "locales/en.json")));
    Map<String, JsonNode> zh = flatten(readJson(ownResource(app, "locales/zh.json")));

    TreeSet<String> missing = new TreeSet<>(en.keySet());
    missing.removeAll(zh.keySet());
    TreeSet<String> extra = new TreeSet<>(zh.keySet());
    extra.removeAll(en.keySet());

    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add(missing.size() + " key(s) missing in zh.json: " + missing);
    }
    if (!extra.isEmpty()) {
      problems.add(extra.size() + " key(s) in zh.json that en.json does not have: " + extra);
    }
    for (Map.Entry<String, JsonNode> entry : en.entrySet()) {
      JsonNode zhValue = zh.get(entry.getKey());
      if (zhValue == null) {
        continue;
      }
      JsonNode enValue = entry.getValue();
      if (enValue.getNodeType() != zhValue.getNodeType()
          || (enValue.isArray() && enValue.size() != zhValue.size())) {
        problems.add(entry.getKey() + ": zh value has another shape than en (" + enValue + ")");
      } else if (enValue.isTextual()
          && !placeholders(enValue.asText()).equals(placeholders(zhValue.asText()))) {
        problems.add(entry.getKey() + ": placeholders differ, en " + placeholders(enValue.asText())
            + " zh " + placeholders(zhValue.asText()));
      }
    }
    if (!problems.isEmpty()) {
      fail(app + "/locales/zh.json vs en.json of the webjar:\n  " + String.join("\n  ", problems));
    }
    assertTrue(en.size() > 100, app + ": suspiciously few English keys: " + en.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersZh(String app) throws IOException {
    String config = readText(ownResource(app, "scripts/config.js"));
    Matcher matcher = AVAILABLE_LOCALES.matcher(config);
    assertTrue(matcher.find(), app + "/scripts/config.js has no active availableLocales entry");
    List<String> locales = new ArrayList<>();
    for (String item : matcher.group(1).split(",")) {
      locales.add(item.trim().replaceAll("^['\"]|['\"]$", ""));
    }
    assertTrue(locales.contains("zh"), app + ": availableLocales " + locales + " lacks 'zh'");
    assertEquals("zh", locales.get(0), app + ": 'zh' should be the first available locale");
  }

  private static URL webjarResource(String app, String file) throws IOException {
    for (URL url : resources(app, file)) {
      if ("jar".equals(url.getProtocol()) && url.getPath().contains("camunda-webapp-webjar")) {
        return url;
      }
    }
    throw new AssertionError("no " + APP_DIR + app + "/" + file + " in the camunda-webapp-webjar "
        + "on the test classpath; found " + resources(app, file));
  }

  private static URL ownResource(String app, String file) throws IOException {
    for (URL url : resources(app, file)) {
      if ("file".equals(url.getProtocol())) {
        return url;
      }
    }
    throw new AssertionError("no own " + APP_DIR + app + "/" + file
        + " (src/main/resources) on the test classpath; found " + resources(app, file));
  }

  private static List<URL> resources(String app, String file) throws IOException {
    ClassLoader loader = WebappLocaleTest.class.getClassLoader();
    return Collections.list(loader.getResources(APP_DIR + app + "/" + file));
  }

  private JsonNode readJson(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      // the webjar's en.json starts with a UTF-8 BOM; Jackson's byte source detection skips it
      return mapper.readTree(in);
    }
  }

  private static String readText(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Dotted key paths of all leaves; arrays (e.g. dateLocales.months) count as one leaf. */
  private static Map<String, JsonNode> flatten(JsonNode root) {
    Map<String, JsonNode> out = new TreeMap<>();
    flatten("", root, out);
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> out) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(),
            field.getValue(), out);
      }
    } else {
      out.put(prefix, node);
    }
  }

  private static TreeSet<String> placeholders(String text) {
    TreeSet<String> names = new TreeSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }
}
