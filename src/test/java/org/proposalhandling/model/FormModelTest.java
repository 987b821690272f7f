package org.proposalhandling.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.proposalhandling.support.ModelLayer;
import org.proposalhandling.workflow.internal.FormParts;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Camunda Forms in {@code forms/} against the processes that use them and the Java listeners that fill
 * and read them. The listeners are read as source text: a user task's listener bean (its
 * {@code delegateExpression="${bean}"}) is the class with {@code @Component("bean")}, together with its
 * superclasses in this repository and the validators it holds (a field of a type named {@code ...Validator},
 * such as the intake form's checks, shared with the bulk import), and a field counts as
 * <ul>
 *   <li><b>read</b> when the class calls {@code form.xxx("key", ...)} on its {@code FormValues form}
 *       ({@code text}, {@code requiredText}, {@code list}, {@code checked}, ...), and as <b>required</b> when
 *       that method is {@code requiredText}, {@code requiredChoice} or {@code requiredDate};</li>
 *   <li><b>prepared</b> when the class fills it on create: {@code show(task, Map.of("key", ...))},
 *       {@code fields.put("key", ...)} or {@code task.setVariableLocal("key", ...)}.</li>
 * </ul>
 * A heuristic, on purpose: renaming a key in the form or in the Java code alone makes it fail.
 */
@ModelLayer
class FormModelTest {

  static final Path FORMS = Path.of("forms");
  static final Path PARTS = FORMS.resolve("parts");
  static final Path MODEL = Path.of("processes", "proposal-handling.bpmn");
  static final Path ITEM_HEADER = PARTS.resolve("item-header.json");
  static final Path PROCESSES = Path.of("processes");
  static final Path SOURCES = Path.of("src/main/java");
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern HAN = Pattern.compile("\\p{IsHan}");
  static final Pattern BEAN_EXPRESSION = Pattern.compile("\\$\\{(\\w+)}");
  static final Pattern COMPONENT = Pattern.compile("@Component\\(\\s*\"(\\w+)\"\\s*\\)");
  static final Pattern EXTENDS = Pattern.compile("\\bclass\\s+\\w+\\s+extends\\s+(\\w+)");
  static final Pattern VALIDATOR_FIELD = Pattern.compile("\\bprivate\\s+final\\s+(\\w+Validator)\\s+\\w+\\s*;");
  static final Pattern FORM_READ = Pattern.compile("\\bform\\.(\\w+)\\(\\s*\"(\\w+)\"");
  static final Pattern SHOW_MAP = Pattern.compile("\\bshow\\(\\s*\\w+\\s*,\\s*Map\\.of\\(");
  static final Pattern FIELDS_PUT = Pattern.compile("\\bfields\\.put\\(\\s*\"(\\w+)\"");
  // Only the task's own locals are form fields; a local of the execution (a routing variable) is not.
  static final Pattern SET_LOCAL = Pattern.compile("\\btask\\.setVariableLocal\\(\\s*\"(\\w+)\"");
  static final Pattern FORM_FIELDS = Pattern.compile("\\bFORM_FIELDS\\s*=\\s*List\\.of\\(([^;]*)\\);");
  static final Pattern STRING_LITERAL = Pattern.compile("\"(\\w+)\"");

  /** A form's fields (components with a key, nested ones too) and the variables its selects take options from. */
  record Form(String id, Map<String, JsonNode> fields, Set<String> valuesKeys, Set<String> templated) {

    boolean readonly(String key) {
      return fields.get(key).path("readonly").asBoolean(false);
    }

    boolean required(String key) {
      return fields.get(key).path("validate").path("required").asBoolean(false);
    }
  }

  /** What the listener classes of one BPMN element do with form fields. */
  record Listener(List<Path> sources, Set<String> reads, Set<String> required, Set<String> prepared,
                  Set<String> formFieldsConstant) {
  }

  /** A BPMN element with a form: a user task, or the start event. */
  record FormStep(String process, String elementId, String formRef, List<String> beans) {

    @Override
    public String toString() {
      return process + " " + elementId + " (form " + formRef + ", listener " + String.join(", ", beans) + ")";
    }
  }

  // The forms on their own.

  static Stream<Path> formFiles() throws IOException {
    try (Stream<Path> files = Files.list(FORMS)) {
      return files.filter(file -> file.toString().endsWith(".form")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formFiles")
  void formIsACamundaFormWithChineseLabels(Path file) {
    JsonNode form = readForm(file);

    assertThat(form.path("id").asText()).as("id of %s", file).isEqualTo(baseName(file, ".form"));
    assertThat(form.path("schemaVersion").isInt()).as("%s has a numeric schemaVersion", file).isTrue();
    List<String> keys = new ArrayList<>();
    components(form).filter(component -> component.has("key")).forEach(component -> {
      String key = component.get("key").asText();
      keys.add(key);
      String labelProperty = "datetime".equals(component.path("type").asText()) ? "dateLabel" : "label";
      String label = component.path(labelProperty).asText("");
      assertThat(HAN.matcher(label).find())
          .as("%s: field \"%s\" has a Chinese %s (found \"%s\")", file, key, labelProperty, label).isTrue();
    });
    assertThat(keys).as("keys of %s", file).isNotEmpty().doesNotHaveDuplicates();
  }

  // Forms and processes.

  @Test
  void everyFormRefNamesAFormAndEveryFormIsUsed() throws IOException {
    Set<String> forms = new TreeSet<>(formFiles().map(file -> baseName(file, ".form")).toList());
    Set<String> referenced = new TreeSet<>(formSteps().map(FormStep::formRef).toList());

    assertThat(forms).as("forms in %s", FORMS).containsAll(referenced);
    assertThat(referenced).as("forms referenced by camunda:formRef in %s", PROCESSES).containsAll(forms);
  }

  // Forms and the Java listeners behind them.

  static Stream<FormStep> formSteps() throws IOException {
    List<FormStep> steps = new ArrayList<>();
    for (Path model : bpmnFiles()) {
      Document document = readXml(model);
      NodeList elements = document.getElementsByTagNameNS(BPMN, "*");
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        String formRef = element.getAttributeNS(CAMUNDA, "formRef");
        if (formRef.isEmpty()) {
          continue;
        }
        String listenerType = element.getLocalName().equals("userTask") ? "taskListener" : "executionListener";
        NodeList listeners = element.getElementsByTagNameNS(CAMUNDA, listenerType);
        List<String> beans = new ArrayList<>();
        for (int j = 0; j < listeners.getLength(); j++) {
          Matcher bean = BEAN_EXPRESSION.matcher(((Element) listeners.item(j)).getAttribute("delegateExpression"));
          if (bean.matches() && !beans.contains(bean.group(1))) {
            beans.add(bean.group(1));
          }
        }
        steps.add(new FormStep(model.getFileName().toString(), element.getAttribute("id"), formRef, beans));
      }
    }
    return steps.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formSteps")
  void formAndListenerAgreeOnTheKeys(FormStep step) {
    Form form = form(step.formRef());
    Listener listener = listener(step);
    Set<String> keys = form.fields().keySet();
    String where = step + ", read from " + listener.sources();

    assertThat(keys).as("%s: every field the listener reads is a field of the form", where)
        .containsAll(listener.reads());
    Set<String> shown = new TreeSet<>(keys);
    shown.addAll(form.valuesKeys());
    shown.addAll(form.templated());
    assertThat(shown).as("%s: every field the listener fills is a field (or a valuesKey, or shown in a text) of the form", where)
        .containsAll(listener.prepared());
    for (String key : keys) {
      if (form.readonly(key)) {
        assertThat(listener.prepared()).as("%s: the listener fills the read-only field \"%s\"", where, key)
            .contains(key);
      } else {
        assertThat(union(listener.reads(), listener.prepared()))
            .as("%s: the listener reads or fills the field \"%s\"", where, key).contains(key);
      }
    }
    assertThat(listener.prepared()).as("%s: the listener fills the options of every valuesKey", where)
        .containsAll(form.valuesKeys());
    if (!listener.formFieldsConstant().isEmpty()) {
      assertThat(listener.formFieldsConstant()).as("%s: FORM_FIELDS lists every field of the form", where)
          .containsAll(keys);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formSteps")
  void fieldsTheListenerRequiresAreRequiredInTheForm(FormStep step) {
    Form form = form(step.formRef());
    Listener listener = listener(step);

    for (String key : listener.required()) {
      assertThat(form.fields().keySet()).as("%s: the form has the required field \"%s\"", step, key).contains(key);
      assertThat(form.required(key))
          .as("%s: the listener requires \"%s\", so the form marks it validate.required", step, key).isTrue();
    }
  }

  // Parts the forms share.

  /** The steps of the item's process: their forms open with the item's header (a consultation's forms have their own). */
  static Stream<FormStep> itemFormSteps() throws IOException {
    return formSteps().filter(step -> step.process().equals("proposal-handling.bpmn"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("itemFormSteps")
  void theItemHeaderIsWrittenOnceAndOpensEveryTasksForm(FormStep step) {
    Path file = FORMS.resolve(step.formRef() + ".form");
    List<JsonNode> header = components(readJson(ITEM_HEADER)).toList();
    List<String> headerKeys = header.stream().filter(component -> component.has("key"))
        .map(component -> component.get("key").asText()).toList();
    List<String> ownKeys = components(readJson(file)).filter(component -> component.has("key"))
        .map(component -> component.get("key").asText()).toList();
    List<JsonNode> deployed = components(readForm(file)).toList();

    assertThat(ownKeys).as("%s writes none of the header's fields itself", file).doesNotContainAnyElementsOf(headerKeys);
    if (step.elementId().startsWith("StartEvent")) {
      assertThat(deployed).as("%s: the start form has no item yet", file).doesNotContainAnyElementsOf(header);
    } else {
      assertThat(deployed.subList(0, header.size())).as("%s opens with the item's header", file).isEqualTo(header);
    }
  }

  @Test
  void aPlaceholderNamingAMissingPartFails() {
    JsonNode form = JSON.createObjectNode().set("components", JSON.createArrayNode().add(
        JSON.createObjectNode().put("type", "text").set("properties", JSON.createObjectNode().put(FormParts.PART, "none"))));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> FormParts.assemble(form, part -> null))
        .hasMessageContaining("forms/parts/none.json");
  }

  // What each form shows its person (issue 18).

  @Test
  void theContactFormShowsHowToReachTheProposerAndWhyHeWasNotSatisfied() {
    Form form = form("contact-record");

    assertThat(List.of("proposerPhone", "proposerEmail", "proposerComments")).allSatisfy(key ->
        assertThat(form.readonly(key)).as("contact-record shows %s read-only", key).isTrue());
    assertThat(hiddenWhen(form, "proposerComments")).as("the reason is hidden in the first round, when it is empty")
        .contains("proposerComments = \"\"");
  }

  @Test
  void reviewAndSignOffShowTheProposalTheOpinionsAndTheContactBesideTheDraft() {
    for (String id : List.of("review", "sign-off")) {
      Form form = form(id);
      List<String> keys = List.copyOf(form.fields().keySet());
      assertThat(keys).as(id).containsSubsequence("itemContent", "replyText", "coHandlingOpinions", "contactRecord");
      assertThat(List.of("itemContent", "replyText", "coHandlingOpinions", "contactRecord")).allSatisfy(key ->
          assertThat(form.readonly(key)).as("%s shows %s read-only", id, key).isTrue());
    }
  }

  @Test
  void reviewAndSignOffShowInRehandlingTheProposersReasonAndTheEarlierReplyBeforeTheDraft() {
    for (String id : List.of("review", "sign-off")) {
      Form form = form(id);
      List<String> rehandling = List.of("proposerReason", "earlierReplyNumber", "earlierReplyText");
      assertThat(List.copyOf(form.fields().keySet())).as(id).containsSubsequence("itemContent", "proposerReason",
          "earlierReplyNumber", "earlierReplyText", "replyText");
      assertThat(form.templated()).as(id).contains("rehandlingHeading");
      assertThat(rehandling).allSatisfy(key -> {
        assertThat(form.readonly(key)).as("%s shows %s read-only", id, key).isTrue();
        assertThat(hiddenWhen(form, key)).as("%s hides %s in the first round", id, key).contains("rehandlingHeading = \"\"");
      });
    }
  }

  @Test
  void theDraftingFormHidesEmptyCommentsAndTheHandlerIsFilledOnClaim() {
    Form form = form("drafting");

    for (String key : List.of("returnComments", "proposerComments")) {
      assertThat(hiddenWhen(form, key)).as("drafting hides %s when empty", key).contains(key + " = null", key + " = \"\"");
    }
    assertThat(form.required("handlerName")).isTrue();
    NodeList listeners = elementWithId(MODEL, "Task_DraftReply").getElementsByTagNameNS(CAMUNDA, "taskListener");
    List<String> events = new ArrayList<>();
    for (int i = 0; i < listeners.getLength(); i++) {
      Element listener = (Element) listeners.item(i);
      events.add(listener.getAttribute("event") + " " + listener.getAttribute("delegateExpression"));
    }
    assertThat(events).as("the drafting form's listener hears the claim").contains("assignment ${draftingForm}");
  }

  @Test
  void notSatisfiedAsksForAReasonAndThePaperFeedbackTaskIsDue() {
    Form form = form("feedback");

    assertThat(form.required("unsatisfiedReason")).isTrue();
    assertThat(hiddenWhen(form, "unsatisfiedReason")).contains("satisfaction = \"UNSATISFIED\" then false else true");
    assertThat(hiddenWhen(form, "feedbackComments")).isEqualTo("=satisfaction = \"UNSATISFIED\"");
    assertThat(elementWithId(MODEL, "Task_Feedback").getAttributeNS(CAMUNDA, "dueDate")).isEqualTo("${deadlines.feedbackReminderDue(execution)}");
  }

  static String hiddenWhen(Form form, String key) {
    return form.fields().get(key).path("conditional").path("hide").asText("");
  }

  static Element elementWithId(Path model, String id) {
    NodeList elements = readXml(model).getElementsByTagNameNS(BPMN, "*");
    for (int i = 0; i < elements.getLength(); i++) {
      if (id.equals(((Element) elements.item(i)).getAttribute("id"))) {
        return (Element) elements.item(i);
      }
    }
    return fail("no element " + id + " in " + model);
  }

  // Reading the forms.

  static Form form(String id) {
    JsonNode form = readForm(FORMS.resolve(id + ".form"));
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    Set<String> valuesKeys = new TreeSet<>();
    Set<String> templated = new TreeSet<>();
    components(form).forEach(component -> {
      if (component.has("key")) {
        fields.put(component.get("key").asText(), component);
      }
      if (component.has("valuesKey")) {
        valuesKeys.add(component.get("valuesKey").asText());
      }
      // A text view names the variables it shows as {{name}}, e.g. the link to the item's page.
      java.util.regex.Matcher template = java.util.regex.Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}")
          .matcher(component.path("text").asText());
      while (template.find()) {
        templated.add(template.group(1));
      }
    });
    return new Form(id, fields, valuesKeys, templated);
  }

  /** Every component, nested ones (groups, dynamic lists) included. */
  static Stream<JsonNode> components(JsonNode parent) {
    List<JsonNode> all = new ArrayList<>();
    parent.path("components").forEach(component -> {
      all.add(component);
      all.addAll(components(component).toList());
    });
    return all.stream();
  }

  /** A form as it is deployed: assembled from its parts (see FormDeployment). */
  static JsonNode readForm(Path file) {
    return FormParts.assemble(readJson(file), part -> readJson(PARTS.resolve(part + ".json")));
  }

  static JsonNode readJson(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      return fail(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  // Reading the listeners.

  static Listener listener(FormStep step) {
    assertThat(step.beans()).as("%s names a listener bean with delegateExpression=\"${...}\"", step).isNotEmpty();
    Listener listener = new Listener(new ArrayList<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(),
        new TreeSet<>());
    for (String bean : step.beans()) {
      Path source = JavaSources.BEANS.get(bean);
      assertThat(source).as("%s: a class in %s with @Component(\"%s\")", step, SOURCES, bean).isNotNull();
      List<Path> toRead = new ArrayList<>(List.of(source));
      while (!toRead.isEmpty()) {
        source = toRead.remove(0);
        if (source == null || listener.sources().contains(source)) {
          continue;
        }
        String code = read(source);
        listener.sources().add(source);
        collect(code, listener);
        Matcher superclass = EXTENDS.matcher(code);
        if (superclass.find()) {
          toRead.add(JavaSources.CLASSES.get(superclass.group(1)));
        }
        VALIDATOR_FIELD.matcher(code).results().forEach(validator -> toRead.add(JavaSources.CLASSES.get(validator.group(1))));
      }
    }
    return listener;
  }

  static void collect(String code, Listener listener) {
    Matcher read = FORM_READ.matcher(code);
    while (read.find()) {
      listener.reads().add(read.group(2));
      if (read.group(1).startsWith("required")) {
        listener.required().add(read.group(2));
      }
    }
    Matcher show = SHOW_MAP.matcher(code);
    while (show.find()) {
      List<String> arguments = arguments(code, show.end());
      for (int i = 0; i < arguments.size(); i += 2) {
        Matcher key = STRING_LITERAL.matcher(arguments.get(i));
        assertThat(key.matches()).as("a key of show(task, Map.of(...)): %s", arguments.get(i)).isTrue();
        listener.prepared().add(key.group(1));
      }
    }
    for (Pattern fill : List.of(FIELDS_PUT, SET_LOCAL)) {
      Matcher matcher = fill.matcher(code);
      while (matcher.find()) {
        listener.prepared().add(matcher.group(1));
      }
    }
    Matcher formFields = FORM_FIELDS.matcher(code);
    if (formFields.find()) {
      STRING_LITERAL.matcher(formFields.group(1)).results().forEach(key -> listener.formFieldsConstant().add(key.group(1)));
    }
  }

  /** The arguments of the call whose opening parenthesis ends just before {@code start}, split at its top-level commas. */
  static List<String> arguments(String code, int start) {
    List<String> arguments = new ArrayList<>();
    StringBuilder argument = new StringBuilder();
    int depth = 0;
    boolean inString = false;
    for (int i = start; i < code.length(); i++) {
      char c = code.charAt(i);
      if (inString) {
        if (c == '\\') {
          argument.append(c).append(code.charAt(++i));
          continue;
        }
        inString = c != '"';
      } else if (c == '"') {
        inString = true;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth-- == 0) {
        arguments.add(argument.toString().strip());
        return arguments;
      } else if (c == ',' && depth == 0) {
        arguments.add(argument.toString().strip());
        argument.setLength(0);
        continue;
      }
      argument.append(c);
    }
    return fail("unbalanced parentheses after offset " + start);
  }

  /** The main sources, by bean name ({@code @Component("name")}) and by class name (the file's name). */
  static final class JavaSources {

    static final Map<String, Path> BEANS = new HashMap<>();
    static final Map<String, Path> CLASSES = new HashMap<>();

    static {
      try (Stream<Path> files = Files.walk(SOURCES)) {
        files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
          CLASSES.put(baseName(file, ".java"), file);
          COMPONENT.matcher(read(file)).results().forEach(bean -> BEANS.put(bean.group(1), file));
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  // Files.

  static List<Path> bpmnFiles() throws IOException {
    try (Stream<Path> files = Files.walk(PROCESSES)) {
      return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  static Document readXml(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      return fail(file + " is not a readable BPMN file: " + e.getMessage(), e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String baseName(Path file, String extension) {
    String name = file.getFileName().toString();
    return name.substring(0, name.length() - extension.length());
  }

  static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> union = new TreeSet<>(a);
    union.addAll(b);
    return union;
  }
}
