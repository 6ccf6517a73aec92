package com.proposaldesk.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.json.JSONException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.proposaldesk.support.ApiUsers;
import com.proposaldesk.task.TaskForms;

/** The deadlines a registration stores, as the API and every task form show them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RegistrationDeadlinesTest {

    static final String NO_2027 = "2027 年的节假日安排尚未发布，按周六、周日休息计算";

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;

    TestRestTemplate rest;

    @BeforeEach
    void signIn() {
        rest = ApiUsers.signedIn(anonymous, engine, "deadline-user");
    }

    @Test
    void aProposalWhoseHardLimitFallsIn2027ShowsTheWarning() throws JSONException {
        register("20269101", "LEAD", "2026-08-03", null);

        JSONAssert.assertEquals("""
                {"dates": {"assignedOn": "2026-08-03", "signForDue": "2026-08-06", "firstContactDue": "2026-08-24",
                           "answerDue": "2026-11-03", "hardLimitDue": "2027-02-03", "calendarWarning": "%s"}}"""
                .formatted(NO_2027), rest.getForObject("/api/proposals/20269101", String.class), false);

        String summary = (String) tasks.getVariable(firstTask("20269101").getId(), TaskForms.PROPOSAL_SUMMARY);
        assertThat(summary).contains("答复期限：2026-11-03")
                .contains("签收期限：2026-08-06；首次联系委员期限：2026-08-24；最长办理期限：2027-02-03")
                .contains("⚠ " + NO_2027);
    }

    @Test
    void aCoHandledProposalIsDueWithItsOpinionLetterAndHasNoWarning() throws JSONException {
        register("20239102", "CO_HANDLING", "2023-09-25", "市教育局");

        String body = rest.getForObject("/api/proposals/20239102", String.class);
        JSONAssert.assertEquals("""
                {"dates": {"assignedOn": "2023-09-25", "signForDue": "2023-09-28", "answerDue": "2023-10-25",
                           "hardLimitDue": "2024-03-25"}}""", body, false);
        assertThat(body).doesNotContain("firstContactDue").doesNotContain("calendarWarning");

        String summary = (String) tasks.getVariable(firstTask("20239102").getId(), TaskForms.PROPOSAL_SUMMARY);
        assertThat(summary).contains("函复期限：2023-10-25").contains("签收期限：2023-09-28；最长办理期限：2024-03-25")
                .doesNotContain("⚠");
    }

    private void register(String number, String role, String assignedOn, String externalLeadUnit) {
        String lead = externalLeadUnit == null ? "null" : "\"" + externalLeadUnit + "\"";
        String body = """
                {"number": "%s", "source": "CPPCC", "session": "市政协七届四次会议", "title": "关于加强校园周边食品安全监管的提案",
                 "leadMember": {"name": "张三", "sector": "教育界"}, "suggestions": ["加强校园周边食品经营者的日常检查"],
                 "role": "%s", "key": false, "assignedOn": "%s", "externalLeadUnit": %s}"""
                .formatted(number, role, assignedOn, lead);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = rest.postForEntity("/api/proposals",
                new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    }

    private Task firstTask(String number) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult();
    }
}
