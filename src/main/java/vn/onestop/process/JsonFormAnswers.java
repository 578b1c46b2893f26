package vn.onestop.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.AbstractTypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.variable.impl.type.AbstractValueTypeImpl;
import org.camunda.bpm.engine.variable.impl.value.AbstractTypedValue;
import org.camunda.bpm.engine.variable.impl.value.UntypedValueImpl;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Lets the engine keep what a Camunda Form's multi-select (form-js {@code taglist}/{@code checklist}, e.g. the
 * agencies consulted - cơ quan được lấy ý kiến) sends. Tasklist submits such a list as a variable of type
 * {@code Json} (text {@code ["a","b"]}); without Camunda Spin (not on the class path, and it would also let any
 * client store Jackson-deserialised objects) the engine refuses that type. This plugin registers a
 * type {@code json} that is only the checked JSON text, stored in the variable's text column (max. 4,000
 * characters, like a string), and read back as type {@code Json}, so Tasklist shows the tags again when the task
 * is opened anew. Nothing is ever deserialised into Java objects; a step reads the list with {@link #texts}.
 */
@Component
public class JsonFormAnswers extends AbstractProcessEnginePlugin {

  /** The engine's name of the type (the REST API writes it {@code Json}). */
  public static final String TYPE_NAME = "json";
  /** Camunda's column for text values ({@code TEXT_}, {@code varchar(4000)}). */
  static final int MAX_CHARS = 4000;
  static final ValueType JSON = new JsonType();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<TypedValueSerializer> serializers = configuration.getCustomPreVariableSerializers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreVariableSerializers());
    serializers.add(new JsonTextSerializer());
    configuration.setCustomPreVariableSerializers(serializers);
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getValueTypeResolver().typeForName(TYPE_NAME) == null) {
      configuration.getValueTypeResolver().addType(JSON);
    }
  }

  /** A JSON answer of a form, as text. */
  public static TypedValue value(String json) {
    return JSON.createValue(json, Map.of());
  }

  /**
   * The texts of a list answer: a JSON array of strings (Tasklist's multi-select), or - as API clients send
   * it since the first release - one text of items separated by commas. Blank items are dropped.
   */
  public static List<String> texts(Object value) {
    if (value == null) {
      return List.of();
    }
    String text = value.toString().strip();
    List<String> items = new ArrayList<>();
    if (text.startsWith("[")) {
      for (JsonNode item : parse(text)) {
        items.add(item.isTextual() ? item.textValue() : item.toString());
      }
    } else {
      items.addAll(List.of(text.split(",")));
    }
    return items.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
  }

  static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new BadUserRequestException("Giá trị JSON của biểu mẫu không hợp lệ");
    }
  }

  static final class JsonText extends AbstractTypedValue<String> {
    JsonText(String json) {
      super(json, JSON);
    }
  }

  static final class JsonType extends AbstractValueTypeImpl {
    JsonType() {
      super(TYPE_NAME);
    }

    @Override
    public boolean isPrimitiveValueType() {
      return false;
    }

    @Override
    public Map<String, Object> getValueInfo(TypedValue typedValue) {
      return Map.of();
    }

    @Override
    public TypedValue createValue(Object value, Map<String, Object> valueInfo) {
      if (value == null) {
        return new JsonText(null);
      }
      String text = value instanceof String s ? s : value.toString();
      if (text.length() > MAX_CHARS) {
        throw new BadUserRequestException("Giá trị của biểu mẫu dài quá " + MAX_CHARS + " ký tự");
      }
      parse(text);
      return new JsonText(text);
    }
  }

  static final class JsonTextSerializer extends AbstractTypedValueSerializer<JsonText> {
    JsonTextSerializer() {
      super(JSON);
    }

    @Override
    public String getName() {
      return "onestop-json-text";
    }

    @Override
    public void writeValue(JsonText value, ValueFields fields) {
      fields.setTextValue(value.getValue());
    }

    @Override
    public JsonText readValue(ValueFields fields, boolean deserializeValue, boolean asTransientValue) {
      JsonText value = new JsonText(fields.getTextValue());
      value.setTransient(asTransientValue);
      return value;
    }

    @Override
    public JsonText convertToTypedValue(UntypedValueImpl untypedValue) {
      throw new IllegalArgumentException("a JSON answer is always typed");
    }

    @Override
    protected boolean canWriteValue(TypedValue value) {
      return value instanceof JsonText;
    }
  }
}
