package vn.onestop.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Describes a JSON body that could not be read, in Vietnamese and by the JSON path of the field — never
 * with Jackson's own text, which names Java classes and constructors.
 */
public final class JsonProblems {

  private JsonProblems() {}

  /** The field at fault and what is wrong. */
  public record Described(String field, String detail) {}

  /** Finds the Jackson exception in {@code e}'s causes and describes it; {@code where} names the whole body. */
  public static Described describe(Throwable e, String where) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof JsonMappingException m && !m.getPath().isEmpty()) {
        String path = path(m);
        String expected = m instanceof MismatchedInputException mi ? expected(mi.getTargetType()) : null;
        if (m instanceof UnrecognizedPropertyException) {
          return new Described(path, "Trường '" + path + "' không có trong định dạng yêu cầu");
        }
        if (m instanceof InvalidFormatException f) {
          return new Described(path, "Giá trị của '" + path + "' không đúng kiểu" + (expected == null ? "" : " (cần " + expected + ")"));
        }
        return new Described(path, "Trường '" + path + "' có kiểu sai" + (expected == null ? "" : " (cần " + expected + ")"));
      }
      if (t instanceof JsonParseException p) {
        var at = p.getLocation();
        return new Described(where, "Nội dung JSON không hợp lệ" + (at == null || at.getLineNr() < 0 ? ""
            : " ở dòng " + at.getLineNr() + ", cột " + at.getColumnNr()));
      }
      if (t instanceof JsonProcessingException) {
        return new Described(where, "Nội dung JSON không hợp lệ hoặc không đầy đủ");
      }
    }
    return new Described(where, "Không đọc được nội dung yêu cầu; gửi JSON đúng định dạng");
  }

  static String path(JsonMappingException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }

  static String expected(Class<?> type) {
    if (type == null) {
      return null;
    }
    if (type == String.class || type == Character.class || type == char.class) {
      return "chuỗi ký tự";
    }
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "số";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true hoặc false";
    }
    if (type.isArray() || Collection.class.isAssignableFrom(type)) {
      return "mảng JSON";
    }
    if (type.isEnum()) {
      Object[] values = type.getEnumConstants();
      return "một trong " + java.util.Arrays.toString(values);
    }
    if (Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.")) {
      return "đối tượng JSON";
    }
    return null;
  }
}
