package vn.onestop.process;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What an expression in a deployed model (biểu thức trong mô hình quy trình) may do: read process
 * variables, compare and combine them, call the public methods (or read the getters) of the beans that
 * OneStop publishes for models ({@link BpmnBean}), read a few harmless properties of {@code execution} and
 * {@code task}, and call the engine's date and user functions. Nothing else: no member of a variable or of
 * a method's result (so no {@code getClass()}, {@code .class}, {@code getProcessEngineServices()}), no
 * bracket notation, no method of {@link Object}.
 *
 * <p>The expression is parsed with the engine's own JUEL parser into its syntax tree and the tree is
 * walked; string matching could be dodged by spaces, brackets or nesting. This is the only class that
 * touches the parser ({@code org.camunda.bpm.impl.juel}, the engine's shaded JUEL; Operaton ships the same
 * classes under {@code org.operaton.bpm.impl.juel}), so an engine change is a change here only.
 */
public final class ModelExpressionPolicy {

  /** Read-only properties of the engine's objects that models may use, e.g. {@code #{execution.processBusinessKey}}. */
  static final Map<String, Set<String>> ENGINE_OBJECT_PROPERTIES = Map.of(
      "execution", Set.of("processBusinessKey", "businessKey", "processInstanceId", "id", "activityInstanceId",
          "currentActivityId", "currentActivityName", "eventName", "processDefinitionId", "tenantId"),
      "task", Set.of("id", "name", "assignee", "owner", "taskDefinitionKey", "processInstanceId", "executionId",
          "dueDate", "followUpDate", "priority", "eventName", "tenantId"));

  /** The engine's built-in functions (date and the current user), as used by Tasklist filters. */
  static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

  private static final Builder PARSER = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

  private final Function<String, Class<?>> beanTypes;

  /**
   * @param beanTypes the class of the {@link BpmnBean} of that name, or null when there is none
   */
  public ModelExpressionPolicy(Function<String, Class<?>> beanTypes) {
    this.beanTypes = beanTypes;
  }

  /** True when the text holds an expression ({@code ${…}} or {@code #{…}}) that the engine would evaluate. */
  public static boolean isExpression(String text) {
    return text != null && (text.contains("${") || text.contains("#{"));
  }

  /** Why the expression is refused (in Vietnamese), or empty when it is allowed. */
  public Optional<String> violation(String expression) {
    Node root;
    try {
      root = PARSER.build(expression).getRoot();
    } catch (TreeBuilderException | IllegalArgumentException e) {
      return Optional.of("biểu thức không đúng cú pháp (" + e.getMessage() + ")");
    }
    return check(root);
  }

  private Optional<String> check(Node node) {
    if (node instanceof AstBracket) {
      return Optional.of("không được dùng dấu ngoặc vuông [...] để truy cập thành phần của đối tượng");
    }
    if (node instanceof AstMethod method) {
      return checkMethod(method);
    }
    if (node instanceof AstDot dot) {
      return checkProperty(dot);
    }
    if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
      return Optional.of("hàm '" + function.getName() + "' không nằm trong danh sách cho phép " + FUNCTIONS);
    }
    return children(node);
  }

  private Optional<String> children(Node node) {
    for (int i = 0; i < node.getCardinality(); i++) {
      Optional<String> refused = check(node.getChild(i));
      if (refused.isPresent()) {
        return refused;
      }
    }
    return Optional.empty();
  }

  private Optional<String> checkMethod(AstMethod method) {
    Node target = method.getChild(0);
    if (!(target instanceof AstDot dot)) {
      return Optional.of("chỉ được gọi phương thức theo dạng bean.phươngThức(...)");
    }
    String name = memberName(dot);
    Node prefix = dot.getChild(0);
    Class<?> bean = prefix instanceof AstIdentifier identifier ? beanTypes.apply(identifier.getName()) : null;
    if (bean == null) {
      return Optional.of("chỉ được gọi phương thức của các bean công bố cho mô hình (@BpmnBean); '"
          + describe(prefix) + "' không phải là bean đó (phương thức '" + name + "')");
    }
    if (!hasPublicMethod(bean, name)) {
      return Optional.of("bean '" + ((AstIdentifier) prefix).getName() + "' không có phương thức công khai '" + name
          + "' được phép gọi");
    }
    return children(method.getChild(1));
  }

  private Optional<String> checkProperty(AstDot dot) {
    String name = memberName(dot);
    Node prefix = dot.getChild(0);
    if (!(prefix instanceof AstIdentifier identifier)) {
      return Optional.of("không được đọc thuộc tính '" + name + "' của kết quả một biểu thức");
    }
    Class<?> bean = beanTypes.apply(identifier.getName());
    if (bean != null) {
      return hasGetter(bean, name) ? Optional.empty()
          : Optional.of("bean '" + identifier.getName() + "' không có thuộc tính đọc được '" + name + "'");
    }
    Set<String> allowed = ENGINE_OBJECT_PROPERTIES.get(identifier.getName());
    if (allowed != null && allowed.contains(name)) {
      return Optional.empty();
    }
    return Optional.of("không được đọc thuộc tính '" + name + "' của '" + identifier.getName() + "'"
        + (allowed == null ? " (chỉ được đọc biến quy trình và gọi bean công bố cho mô hình)"
            : " (chỉ được đọc " + allowed.stream().sorted().toList() + ")"));
  }

  /** The member name of {@code prefix.name}: AstDot keeps it protected, and prints itself as {@code ". name"}. */
  private static String memberName(AstDot dot) {
    String printed = dot.toString();
    return printed.startsWith(". ") ? printed.substring(2) : printed;
  }

  private static String describe(Node node) {
    return node instanceof AstIdentifier identifier ? identifier.getName() : "kết quả của một biểu thức";
  }

  private static boolean hasPublicMethod(Class<?> type, String name) {
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name))
        .anyMatch(ModelExpressionPolicy::callable);
  }

  private static boolean hasGetter(Class<?> type, String property) {
    if (property.isEmpty() || property.equals("class")) {
      return false;
    }
    String suffix = property.substring(0, 1).toUpperCase(Locale.ROOT) + property.substring(1);
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getParameterCount() == 0)
        .filter(m -> m.getName().equals("get" + suffix) || m.getName().equals("is" + suffix))
        .anyMatch(ModelExpressionPolicy::callable);
  }

  /** A public instance method declared by the bean's own classes, not by {@link Object}. */
  private static boolean callable(Method method) {
    return Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
        && method.getDeclaringClass() != Object.class && !method.getName().equals("getClass");
  }
}
