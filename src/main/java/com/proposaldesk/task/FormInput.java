package com.proposaldesk.task;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads untyped form values (Camunda Forms send numbers, dates and lists loosely typed) into
 * Java types and collects every problem before failing, so the user sees all of them at once.
 */
public class FormInput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Function<String, Object> source;
    private final List<FieldProblem> problems = new ArrayList<>();

    public FormInput(Function<String, Object> source) {
        this.source = source;
    }

    public static FormInput of(Map<String, ?> values) {
        return new FormInput(values::get);
    }

    public String text(String key) {
        Object value = source.apply(key);
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }

    public String requiredText(String key, String label) {
        String text = text(key);
        if (text == null) {
            problem(key, label + "不能为空");
        }
        return text;
    }

    public String text(String key, String label, int maxLength) {
        String text = text(key);
        if (text != null && text.length() > maxLength) {
            problem(key, label + "不能超过 " + maxLength + " 个字");
        }
        return text;
    }

    public String requiredText(String key, String label, int maxLength) {
        String text = requiredText(key, label);
        if (text != null && text.length() > maxLength) {
            problem(key, label + "不能超过 " + maxLength + " 个字");
        }
        return text;
    }

    public LocalDate date(String key, String label) {
        String text = text(key);
        if (text == null) {
            return null;
        }
        try {
            // form-js sends YYYY-MM-DD; a datetime value keeps its date part
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            problem(key, label + "不是有效日期（格式应为 年-月-日，例如 2023-09-28）");
            return null;
        }
    }

    public LocalDate requiredDate(String key, String label) {
        if (text(key) == null) {
            problem(key, label + "不能为空");
            return null;
        }
        return date(key, label);
    }

    public boolean flag(String key) {
        Object value = source.apply(key);
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null && ("true".equalsIgnoreCase(value.toString().strip()) || "1".equals(value.toString().strip()));
    }

    public <E extends Enum<E>> E choice(String key, String label, Class<E> type, boolean required) {
        String text = text(key);
        if (text == null) {
            if (required) {
                problem(key, label + "不能为空，请选择");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            problem(key, label + "的取值“" + text + "”无效，可选：" + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    public <E extends Enum<E>> E requiredChoice(String key, String label, Class<E> type) {
        return choice(key, label, type, true);
    }

    /** A multi-line text field read as one entry per non-blank line. */
    public List<String> lines(String key) {
        Object value = source.apply(key);
        if (value instanceof Collection<?> || isJsonArray(value)) {
            return list(key, key);
        }
        String text = text(key);
        if (text == null) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** A checklist or tag list: a Java collection, a JSON array (Spin or text) or comma-separated text. */
    public List<String> list(String key, String label) {
        Object value = source.apply(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> collection) {
            return collection.stream().filter(item -> item != null).map(item -> item.toString().strip())
                    .filter(item -> !item.isEmpty()).toList();
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return List.of();
        }
        if (text.startsWith("[")) {
            try {
                return Arrays.stream(JSON.readValue(text, String[].class)).filter(item -> item != null && !item.isBlank())
                        .map(String::strip).toList();
            } catch (JsonProcessingException e) {
                problem(key, label + "格式不正确，应为列表");
                return List.of();
            }
        }
        return Arrays.stream(text.split("[,，、]")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static boolean isJsonArray(Object value) {
        return value != null && !(value instanceof String) && value.toString().strip().startsWith("[");
    }

    public void problem(String key, String message) {
        problems.add(new FieldProblem(key, message));
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** Throws with every collected problem; call once all fields are read. */
    public void check() {
        if (!problems.isEmpty()) {
            throw new TaskInputRejectedException(problems);
        }
    }
}
