package com.proposaldesk.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Chinese locale files against the English ones of the Camunda webapps on the classpath (the
 * camunda-webapp-webjar of the Camunda version we build with): every key translated, nothing left in
 * English, every {@code {{placeholder}}} kept. A Camunda upgrade that adds or renames keys fails here
 * until zh.json follows.
 */
class WebappTranslationsTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final String WEBJAR = "camunda-webapp-webjar";

    /** Product names, abbreviations and symbols that Chinese users read as they are. */
    private static final Set<String> KEPT_AS_IS = Set.of("Camunda", "Optimize", "ID", "ID*", "BPMN", "DMN", "JSON", "CSV",
            "null", "<null>");
    /** Date formats (moment tokens), the same in both languages where the Chinese form needs no change. */
    private static final Set<String> DATE_FORMATS = Set.of("L", "HH:mm", "YYYY-MM-DDTHH:mm:ss");

    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]{2,}");
    private static final Pattern CHINESE = Pattern.compile("[\\u3400-\\u9fff]");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(.*?)\\}\\}");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void everyEnglishTextHasItsChineseTranslation(String app) throws IOException {
        Map<String, JsonNode> english = leaves(read(app, "en", true));
        Map<String, JsonNode> chinese = leaves(read(app, "zh", false));
        assertThat(english).as("keys of Camunda's %s en.json", app).hasSizeGreaterThan(100);

        List<String> missing = new ArrayList<>();
        List<String> untranslated = new ArrayList<>();
        List<String> placeholders = new ArrayList<>();
        english.forEach((key, en) -> {
            JsonNode zh = chinese.get(key);
            if (zh == null || zh.getNodeType() != en.getNodeType()) {
                missing.add(key + " = " + en);
                return;
            }
            if (!en.isTextual()) {
                return;
            }
            String enText = en.asText();
            String zhText = zh.asText();
            if (stillEnglish(key, enText, zhText)) {
                untranslated.add(key + " = " + zh);
            }
            if (!placeholders(enText).equals(placeholders(zhText))) {
                placeholders.add(key + ": " + en + " -> " + zh);
            }
        });
        Set<String> stale = new TreeSet<>(chinese.keySet());
        stale.removeAll(english.keySet());

        SoftAssertions.assertSoftly(softly -> {
            softly.assertThat(missing).as("keys of %s/en.json missing in zh.json (or of another type)", app).isEmpty();
            softly.assertThat(untranslated).as("%s/zh.json texts still in English", app).isEmpty();
            softly.assertThat(placeholders).as("%s/zh.json texts that lost or changed a {{placeholder}}", app).isEmpty();
            softly.assertThat(stale).as("%s/zh.json keys that Camunda's en.json no longer has", app).isEmpty();
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"welcome", "tasklist", "cockpit", "admin"})
    void theEndOfLifeBannerIsHidden(String app) throws IOException {
        String css = text("META-INF/resources/webjars/camunda/app/" + app + "/styles/user-styles.css");
        assertThat(css.replaceAll("\\s+", "")).contains(".ce-eol-banner{display:none");
    }

    @Test
    void englishLeftInATranslationIsFound() {
        assertThat(stillEnglish("labels.CLAIM", "Claim", "Claim")).isTrue();
        assertThat(stillEnglish("labels.CLAIM", "Claim", "Claim task")).isTrue();
        assertThat(stillEnglish("labels.CLAIM", "Claim", "认领")).isFalse();
        assertThat(stillEnglish("labels.USERS_ID", "ID", "ID")).isFalse();
        assertThat(stillEnglish("labels.SEARCH_GREATER_THAN", ">", ">")).isFalse();
        assertThat(stillEnglish("dateLocales.longDateFormat.L", "DD/MM/YYYY", "YYYY/MM/DD")).isFalse();
        assertThat(stillEnglish("dateLocales.months[0]", "January", "January")).isTrue();
    }

    /**
     * English left in a Chinese text: the English text itself, or Latin words without any Chinese, unless it is
     * a term kept as is, a date format, or has no letters at all (symbols such as {@code >=}).
     */
    static boolean stillEnglish(String key, String english, String chinese) {
        String text = chinese.trim();
        if (CHINESE.matcher(text).find() || KEPT_AS_IS.contains(text) || DATE_FORMATS.contains(text)
                || key.startsWith("dateLocales.longDateFormat.")) {
            return false;
        }
        return text.equals(english.trim()) ? english.matches("(?s).*[A-Za-z].*") : LATIN_WORD.matcher(text).find();
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1).replaceAll("\\s+", ""));
        }
        Collections.sort(found);
        return found;
    }

    /** Every text, number and array element by its path, e.g. {@code labels.APP_VENDOR}, {@code dateLocales.months[0]}. */
    private static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> leaves = new LinkedHashMap<>();
        collect("", root, leaves);
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                    field.getValue(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }

    /** The locale file; Camunda's English ones must come from the webjar, not from a copy of ours. */
    private JsonNode read(String app, String locale, boolean fromWebjar) throws IOException {
        String name = String.format(LOCALES, app, locale);
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(name));
        assertThat(found).as(name).hasSize(1);
        assertThat(found.get(0).toString().contains(WEBJAR)).as("%s comes from the Camunda webjar: %s", name, found.get(0))
                .isEqualTo(fromWebjar);
        try (InputStream in = found.get(0).openStream()) {
            return json.readTree(in); // Camunda's files start with a UTF-8 byte order mark, which Jackson skips
        }
    }

    private String text(String name) throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
