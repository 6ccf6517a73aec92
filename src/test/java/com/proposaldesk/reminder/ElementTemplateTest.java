package com.proposaldesk.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Modeler template and the delegate must agree on the bean name and the input names. */
class ElementTemplateTest {

    @Test
    void theSendReminderTemplateMatchesTheDelegate() throws IOException {
        JsonNode template = new ObjectMapper().readTree(Path.of("element-templates/send-reminder.json").toFile()).get(0);
        String bean = SendReminderDelegate.class.getAnnotation(Component.class).value();
        List<String> inputs = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        String delegateExpression = null;
        boolean async = false;
        for (JsonNode property : template.get("properties")) {
            JsonNode binding = property.get("binding");
            String name = binding.get("name").asText();
            if ("camunda:inputParameter".equals(binding.get("type").asText())) {
                inputs.add(name);
                property.path("choices").forEach(choice -> kinds.add(choice.get("value").asText()));
            } else if ("camunda:delegateExpression".equals(name)) {
                delegateExpression = property.get("value").asText();
            } else if ("camunda:asyncBefore".equals(name)) {
                async = property.get("value").asBoolean();
            }
        }

        assertThat(delegateExpression).isEqualTo("${" + bean + "}");
        assertThat(async).isTrue();
        assertThat(ReminderInputs.NAMES).containsAll(inputs);
        assertThat(inputs).contains(ReminderInputs.KIND, ReminderInputs.TASK_KEY, ReminderInputs.RECIPIENTS,
                ReminderInputs.DUE_DATE, ReminderInputs.DAYS_LEFT, ReminderInputs.OCCURRENCE);
        assertThat(kinds).containsExactlyElementsOf(ReminderInputs.PROCESS_KINDS.stream().map(Enum::name).toList());
    }
}
