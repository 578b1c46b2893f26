package vn.onestop.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Camunda Modeler element templates in {@code bpmn/.camunda/element-templates} (mẫu bước cho người
 * thiết kế quy trình) cover what the models use, and name only what exists:
 * <ul>
 *   <li>every {@code ${bean.method(...)}} a model in {@code bpmn/} calls on a {@link BpmnBean} bean
 *       (service task, task or execution listener, call-activity mapping, candidate groups, loop
 *       condition) is described by a template;</li>
 *   <li>every {@code bean.method(...)} a template names is a public method, with that many arguments,
 *       of a bean annotated {@link BpmnBean} (found by class-path scanning, named as Spring names it);</li>
 *   <li>every Camunda Form in {@code bpmn/forms} has a template, and every template's form exists.</li>
 * </ul>
 * A plain unit test: reflection over the annotated classes, no application context.
 */
class ElementTemplatesTest {

  static final Path MODELS = Path.of("bpmn");
  static final Path TEMPLATES = MODELS.resolve(".camunda/element-templates");
  static final Path FORMS = MODELS.resolve("forms");

  /** {@code bean.method(} inside a JUEL expression; group 3 is the argument list up to the matching parenthesis. */
  private static final Pattern CALL = Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_]*)\\.([a-zA-Z_][a-zA-Z0-9_]*)\\(");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Bean name → class, for every bean annotated {@link BpmnBean}. */
  static Map<String, Class<?>> bpmnBeans;
  /** Template id → its JSON. */
  static Map<String, JsonNode> templates;

  @BeforeAll
  static void load() throws IOException {
    bpmnBeans = bpmnBeans();
    templates = new TreeMap<>();
    List<Path> files;
    try (Stream<Path> list = Files.list(TEMPLATES)) {
      files = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).as("element templates in %s", TEMPLATES).isNotEmpty();
    for (Path file : files) {
      JsonNode root = JSON.readTree(file.toFile());
      assertThat(root.isArray()).as("%s must be a JSON array of templates", file).isTrue();
      for (JsonNode template : root) {
        String id = template.path("id").asText();
        assertThat(id).as("%s: a template without id", file).isNotBlank();
        assertThat(template.path("name").asText()).as("%s: name of %s", file, id).isNotBlank();
        assertThat(template.path("description").asText()).as("%s: description of %s", file, id).isNotBlank();
        assertThat(template.path("appliesTo").isArray()).as("%s: appliesTo of %s", file, id).isTrue();
        assertThat(templates.put(id, template)).as("%s: template id %s is used twice", file, id).isNull();
      }
    }
  }

  @Test
  void theBeansAreFound() {
    // guards the scan itself: a wrong package or annotation would make the other tests pass vacuously
    assertThat(bpmnBeans).containsKeys("dossierRegister", "legs", "feedbackRegister");
  }

  @Test
  void everyBeanMethodAModelUsesHasATemplate() throws IOException {
    Set<String> described = new TreeSet<>();
    templates.values().forEach(t -> described.addAll(calls(t.toString()).keySet()));

    List<String> missing = new ArrayList<>();
    for (Path model : models()) {
      for (Map.Entry<String, String> use : beanCalls(model).entrySet()) {
        String call = use.getKey();
        if (bpmnBeans.containsKey(call.substring(0, call.indexOf('.'))) && !described.contains(call)) {
          missing.add(model + " calls " + call + "(...) in " + use.getValue()
              + ", but no element template in " + TEMPLATES + " describes " + call);
        }
      }
    }
    assertThat(missing).as("bean methods used by models without an element template").isEmpty();
  }

  @Test
  void everyBeanMethodATemplateNamesExists() {
    List<String> wrong = new ArrayList<>();
    templates.forEach((id, template) -> calls(template.toString()).forEach((call, arity) -> {
      String bean = call.substring(0, call.indexOf('.'));
      String method = call.substring(call.indexOf('.') + 1);
      Class<?> type = bpmnBeans.get(bean);
      if (type == null) {
        wrong.add("template " + id + " names bean '" + bean + "', which is no @BpmnBean bean (known: " + bpmnBeans.keySet() + ")");
      } else if (Arrays.stream(type.getMethods()).noneMatch(m -> m.getName().equals(method) && acceptsArity(m, arity))) {
        wrong.add("template " + id + " names " + call + " with " + arity + " argument(s), but " + type.getSimpleName()
            + " has no such public method");
      }
    }));
    assertThat(wrong).as("templates naming beans or methods that do not exist").isEmpty();
  }

  @Test
  void everyFormHasATemplateAndEveryTemplateFormExists() throws IOException {
    Set<String> forms = new TreeSet<>();
    try (Stream<Path> list = Files.list(FORMS)) {
      for (Path form : list.filter(p -> p.toString().endsWith(".form")).toList()) {
        forms.add(JSON.readTree(form.toFile()).path("id").asText());
      }
    }
    Map<String, String> templateForms = new HashMap<>();
    templates.forEach((id, template) -> template.path("properties").forEach(property -> {
      JsonNode binding = property.path("binding");
      if ("property".equals(binding.path("type").asText()) && "camunda:formRef".equals(binding.path("name").asText())) {
        templateForms.put(property.path("value").asText(), id);
      }
    }));
    assertThat(forms).as("forms in %s without an element template", FORMS).isSubsetOf(templateForms.keySet());
    assertThat(templateForms.keySet()).as("forms named by templates that do not exist in %s", FORMS).isSubsetOf(forms);
  }

  @Test
  void theCheckFindsAMethodThatDoesNotExist() {
    // the checks above on a deliberately wrong expression, so they cannot pass by matching nothing
    Map<String, Integer> found = calls("${dossierRegister.noSuchStep(execution)} ${legs.legAt(pendingLegs, loopCounter)}");
    assertThat(found).containsEntry("dossierRegister.noSuchStep", 1).containsEntry("legs.legAt", 2);
    assertThat(Arrays.stream(bpmnBeans.get("dossierRegister").getMethods()).anyMatch(m -> m.getName().equals("noSuchStep")))
        .isFalse();
  }

  // ------------------------------------------------------------------------------------------------

  static List<Path> models() throws IOException {
    try (Stream<Path> list = Files.list(MODELS)) {
      return list.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
    }
  }

  /** Every {@code bean.method} called in an expression anywhere in the model → the id of the element it is in. */
  static Map<String, String> beanCalls(Path model) {
    Map<String, String> uses = new TreeMap<>();
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      visit(factory.newDocumentBuilder().parse(model.toFile()).getDocumentElement(), "definitions", uses);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + model, e);
    }
    return uses;
  }

  private static void visit(Element element, String owner, Map<String, String> uses) {
    String where = element.hasAttribute("id") ? element.getAttribute("id") : owner;
    List<String> texts = new ArrayList<>();
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      texts.add(attributes.item(i).getNodeValue());
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element nested) {
        visit(nested, where, uses);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        texts.add(child.getNodeValue());
      }
    }
    for (String text : texts) {
      Matcher expression = EXPRESSION.matcher(text);
      while (expression.find()) {
        calls(expression.group()).keySet().forEach(call -> uses.putIfAbsent(call, where));
      }
    }
  }

  /** {@code bean.method} → number of arguments, for every call in the text. */
  static Map<String, Integer> calls(String text) {
    Map<String, Integer> calls = new TreeMap<>();
    Matcher call = CALL.matcher(text);
    while (call.find()) {
      calls.put(call.group(1) + "." + call.group(2), arity(text, call.end()));
    }
    return calls;
  }

  /** Arguments between the parenthesis opened just before {@code from} and its match. */
  private static int arity(String text, int from) {
    int depth = 1;
    int commas = 0;
    boolean any = false;
    for (int i = from; i < text.length() && depth > 0; i++) {
      char c = text.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 1) {
        commas++;
      } else if (!Character.isWhitespace(c) && depth == 1) {
        any = true;
      }
    }
    return any ? commas + 1 : 0;
  }

  private static boolean acceptsArity(Method method, int arity) {
    return !Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() != Object.class
        && (method.getParameterCount() == arity || method.isVarArgs() && arity >= method.getParameterCount() - 1);
  }

  /** The {@link BpmnBean} beans of the application, named as Spring names them. */
  static Map<String, Class<?>> bpmnBeans() {
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(BpmnBean.class));
    AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Map<String, Class<?>> beans = new TreeMap<>();
    Set<BeanDefinition> candidates = new LinkedHashSet<>(scanner.findCandidateComponents("vn.onestop"));
    for (BeanDefinition candidate : candidates) {
      try {
        Class<?> type = Class.forName(candidate.getBeanClassName());
        if (type.getEnclosingClass() == null) { // test fixtures (nested classes) are not application beans
          beans.put(names.generateBeanName(candidate, registry), type);
        }
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }
    return beans;
  }
}
