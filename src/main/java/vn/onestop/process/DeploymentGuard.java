package vn.onestop.process;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks every <b>new</b> deployment (triển khai mô hình) before the engine parses it, whoever deploys it:
 * the application's own {@code bpmn/} at start-up, Cockpit, the Modeler or {@code POST /engine-rest/deployment/create}.
 *
 * <ul>
 *   <li>every expression in a model, wherever it stands (conditions, {@code delegateExpression}, {@code expression},
 *       timer dates and cycles, {@code dueDate}, candidate users and groups, listeners, input/output, form field
 *       defaults, call-activity mappings...) is parsed and walked by {@link ModelExpressionPolicy}: the scan takes
 *       every attribute value and text of the XML, so an attribute the engine adds later is covered as well;</li>
 *   <li>no script (script tasks, script listeners, script conditions, script input/output) unless its language is
 *       in {@link DeploymentRules#allowedScriptFormats()}; no {@code camunda:class} outside
 *       {@link DeploymentRules#allowedClassPrefixes()}; DMN only in FEEL; forms only from the deployment
 *       ({@code camunda:formRef}, {@code camunda-forms:deployment:}, {@code embedded:app:}), never an HTML form
 *       or a script file, which Tasklist would run in a clerk's browser;</li>
 *   <li>when {@link DeploymentRules#deployerGroups()} is set (the {@code postgres} profile: the release role),
 *       only their members deploy.</li>
 * </ul>
 *
 * A refused deployment fails with a Vietnamese message naming the resource, the element, the attribute and the
 * expression ({@link BadUserRequestException}: HTTP 400 on {@code /engine-rest}). Deployments already stored are
 * not checked again when the engine re-reads them (e.g. after a restart), so an older model never blocks start-up.
 */
@Component
public class DeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentGuard.class);

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  static final Set<String> DIAGRAM_NAMESPACES = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
      "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
      "https://www.omg.org/spec/DMN/20191111/DMNDI/", "http://www.omg.org/spec/DMN/20180521/DMNDI/",
      "http://www.omg.org/spec/DMN/20180521/DC/", "http://www.omg.org/spec/DMN/20180521/DI/");
  /** Free text for people, never evaluated. */
  static final Set<String> PROSE = Set.of("documentation", "text", "description");
  static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".cmmn", ".cmmn10.xml",
      ".cmmn11.xml");
  static final List<String> OTHER_SUFFIXES = List.of(".form", ".png", ".jpg", ".jpeg", ".gif");
  static final List<String> FORM_KEY_PREFIXES = List.of("camunda-forms:deployment:", "camunda-forms:app:", "embedded:app:",
      "app:");

  private final ApplicationContext context;
  private final DeploymentRules rules;
  private volatile ModelExpressionPolicy policy;

  public DeploymentGuard(ApplicationContext context, DeploymentRules rules) {
    this.context = context;
    this.rules = rules;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> pre = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreDeployers());
    pre.add(0, this);
    configuration.setCustomPreDeployers(pre);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return;
    }
    checkDeployer(deployment);
    Map<String, ResourceEntity> resources = deployment.getResources() == null ? Map.of() : deployment.getResources();
    for (Map.Entry<String, ResourceEntity> resource : resources.entrySet()) {
      List<String> problems = problems(resource.getKey(), resource.getValue().getBytes());
      if (!problems.isEmpty()) {
        String message = "Triển khai '" + deployment.getName() + "' bị từ chối: " + String.join("; ", problems);
        LOG.warn("{} (người triển khai: {})", message, currentUser().map(Authentication::getUserId).orElse("hệ thống"));
        throw new BadUserRequestException(message);
      }
    }
  }

  private void checkDeployer(DeploymentEntity deployment) {
    if (rules.deployerGroups().isEmpty()) {
      return;
    }
    Optional<Authentication> user = currentUser();
    if (user.isEmpty() || user.get().getUserId() == null) {
      return; // the application itself (bpmn/ at start-up) or a system call
    }
    List<String> groups = user.get().getGroupIds() == null ? List.of() : user.get().getGroupIds();
    if (groups.stream().noneMatch(rules.deployerGroups()::contains)) {
      throw new AuthorizationException("Người dùng '" + user.get().getUserId() + "' không được triển khai mô hình '"
          + deployment.getName() + "' trên máy chủ này: chỉ thành viên nhóm " + rules.deployerGroups()
          + " (vai trò phát hành) được triển khai.");
    }
  }

  private static Optional<Authentication> currentUser() {
    CommandContext command = Context.getCommandContext();
    return Optional.ofNullable(command == null ? null : command.getAuthentication());
  }

  /** What is wrong with one resource of a deployment (empty: nothing). */
  public List<String> problems(String resourceName, byte[] bytes) {
    String lower = resourceName.toLowerCase(Locale.ROOT);
    if (MODEL_SUFFIXES.stream().anyMatch(lower::endsWith)) {
      return modelProblems(resourceName, bytes);
    }
    if (OTHER_SUFFIXES.stream().anyMatch(lower::endsWith)) {
      return List.of();
    }
    return List.of("tệp '" + resourceName + "' không được triển khai: chỉ nhận mô hình BPMN/DMN, biểu mẫu .form và ảnh "
        + "(biểu mẫu HTML hay tệp kịch bản sẽ chạy trong trình duyệt của cán bộ hoặc trên máy chủ)");
  }

  private List<String> modelProblems(String resourceName, byte[] bytes) {
    Document document;
    try {
      document = parser().parse(new ByteArrayInputStream(bytes));
    } catch (Exception e) {
      return List.of("tệp '" + resourceName + "' không phải XML hợp lệ (" + e.getMessage() + ")");
    }
    List<String> problems = new ArrayList<>();
    scan(resourceName, document.getDocumentElement(), problems);
    return problems;
  }

  private void scan(String resource, Element element, List<String> problems) {
    if (element.getNamespaceURI() != null && DIAGRAM_NAMESPACES.contains(element.getNamespaceURI())) {
      return;
    }
    String local = element.getLocalName();
    if (PROSE.contains(local) && !CAMUNDA_NS.equals(element.getNamespaceURI())) {
      return;
    }
    boolean script = checkScript(resource, element, problems);
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      checkAttribute(resource, element, (Attr) attributes.item(i), problems);
    }
    NodeList children = element.getChildNodes();
    // The engine reads an element's text as all its text and CDATA pieces joined (comments dropped), so
    // "$<!-- -->{…}" or "$<![CDATA[{…}]]>" is one expression to it: check the joined text, not each piece.
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element e) {
        scan(resource, e, problems);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(child.getNodeValue());
      }
    }
    if (!script) {
      checkExpression(resource, element, "nội dung <" + element.getNodeName() + ">", text.toString(), problems);
    }
  }

  /** Script tasks, camunda:script and script conditions: refused unless their language is allowed. True if a script. */
  private boolean checkScript(String resource, Element element, List<String> problems) {
    String local = element.getLocalName();
    String format = null;
    boolean script = false;
    if ("scriptTask".equals(local)) {
      format = element.getAttribute("scriptFormat");
      script = true;
    } else if ("script".equals(local)) {
      Node parent = element.getParentNode();
      format = CAMUNDA_NS.equals(element.getNamespaceURI()) ? element.getAttribute("scriptFormat")
          : parent instanceof Element p ? p.getAttribute("scriptFormat") : "";
      script = true;
    } else if (element.hasAttribute("language") && !element.getAttribute("language").isBlank()) {
      format = element.getAttribute("language");
      script = true;
    }
    if (script && (format == null || !rules.allowedScriptFormats().contains(format.toLowerCase(Locale.ROOT)))) {
      problems.add(where(resource, element) + ": kịch bản (script" + (format == null || format.isBlank() ? "" : " '" + format + "'")
          + ") không được phép; danh sách cho phép: " + rules.allowedScriptFormats());
    }
    return script;
  }

  private void checkAttribute(String resource, Element element, Attr attribute, List<String> problems) {
    String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    String value = attribute.getValue();
    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(attribute.getNamespaceURI())) {
      return;
    }
    if (name.equals("class") || name.endsWith("Class")) {
      if (!value.isBlank() && rules.allowedClassPrefixes().stream().noneMatch(value::startsWith)) {
        problems.add(where(resource, element) + ", thuộc tính " + attribute.getName() + "='" + value
            + "': chỉ được dùng lớp Java trong " + rules.allowedClassPrefixes());
      }
      return;
    }
    if (name.equals("expressionLanguage") && element.getNamespaceURI() != null
        && element.getNamespaceURI().toUpperCase(Locale.ROOT).contains("DMN") && !value.toLowerCase(Locale.ROOT).contains("feel")) {
      problems.add(where(resource, element) + ", thuộc tính expressionLanguage='" + value
          + "': bảng quyết định chỉ được viết bằng FEEL");
      return;
    }
    if (name.equals("formKey") && !value.isBlank() && FORM_KEY_PREFIXES.stream().noneMatch(value::startsWith)) {
      problems.add(where(resource, element) + ", thuộc tính " + attribute.getName() + "='" + value
          + "': biểu mẫu chỉ được lấy từ bản triển khai (camunda:formRef) hoặc từ ứng dụng " + FORM_KEY_PREFIXES);
      return;
    }
    checkExpression(resource, element, "thuộc tính " + attribute.getName(), value, problems);
  }

  private void checkExpression(String resource, Element element, String place, String text, List<String> problems) {
    if (!ModelExpressionPolicy.isExpression(text)) {
      return;
    }
    policy().violation(text.trim()).ifPresent(reason -> problems.add(where(resource, element) + ", " + place
        + ", biểu thức '" + text.trim() + "': " + reason));
  }

  /** "mô hình 'x.bpmn', phần tử 'Task_A' (serviceTask)": the nearest element with an id. */
  private static String where(String resource, Element element) {
    Node node = element;
    while (node instanceof Element e && !e.hasAttribute("id")) {
      node = e.getParentNode();
    }
    String id = node instanceof Element e ? e.getAttribute("id") : "?";
    String kind = node instanceof Element e ? e.getLocalName() : element.getLocalName();
    return "mô hình '" + resource + "', phần tử '" + id + "' (" + kind + ")";
  }

  private ModelExpressionPolicy policy() {
    ModelExpressionPolicy current = policy;
    if (current == null) {
      BpmnBeans beans = new BpmnBeans(context);
      current = new ModelExpressionPolicy(name -> beans.containsKey(name) ? beanType(name) : null);
      policy = current;
    }
    return current;
  }

  private Class<?> beanType(String name) {
    Class<?> type = context.getType(name);
    if (type == null || Proxy.isProxyClass(type)) {
      return null;
    }
    return ClassUtils.getUserClass(type);
  }

  private static DocumentBuilder parser() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setExpandEntityReferences(false);
    factory.setXIncludeAware(false);
    return factory.newDocumentBuilder();
  }
}
