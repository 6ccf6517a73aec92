package com.proposaldesk.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.json.JSONException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import com.proposaldesk.support.ApiUsers;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CalendarApiTest {

    @Autowired
    TestRestTemplate anonymous;
    @Autowired
    ProcessEngine engine;

    TestRestTemplate rest;

    @BeforeEach
    void signIn() {
        rest = ApiUsers.signedIn(anonymous, engine, "calendar-user");
    }

    @Test
    void addsWorkingDaysOverNationalDay() throws JSONException {
        ResponseEntity<String> response = rest.getForEntity("/api/calendar/add-working-days?from=2023-09-28&days=5", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JSONAssert.assertEquals("""
                {"from":"2023-09-28","days":5,"date":"2023-10-11","warnings":[]}""", response.getBody(), true);
    }

    @Test
    void countsBackwardsAndWarnsAboutAYearWithoutData() throws JSONException {
        JSONAssert.assertEquals("""
                {"from":"2023-10-11","days":-5,"date":"2023-09-28","warnings":[]}""",
                rest.getForObject("/api/calendar/add-working-days?from=2023-10-11&days=-5", String.class), true);
        JSONAssert.assertEquals("""
                {"from":"2026-12-30","days":3,"date":"2027-01-04","warnings":["2027 年的节假日安排尚未发布，按周六、周日休息计算"]}""",
                rest.getForObject("/api/calendar/add-working-days?from=2026-12-30&days=3", String.class), true);
    }

    @Test
    void tellsWhetherADayIsAWorkingDayAndWhy() throws JSONException {
        JSONAssert.assertEquals("""
                {"date":"2023-10-07","workingDay":true,"note":"调休上班（中秋节、国庆节）","warnings":[]}""",
                rest.getForObject("/api/calendar/working-day?date=2023-10-07", String.class), true);
        JSONAssert.assertEquals("""
                {"date":"2024-02-12","workingDay":false,"note":"节假日放假（春节）","warnings":[]}""",
                rest.getForObject("/api/calendar/working-day?date=2024-02-12", String.class), true);
    }

    @Test
    void badParametersGet400WithChineseMessages() throws JSONException {
        ResponseEntity<String> response = rest.getForEntity("/api/calendar/add-working-days?from=2023-13-01&days=five", String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JSONAssert.assertEquals("""
                {"errors":[
                  {"field":"from","message":"起始日期“2023-13-01”无效，格式应为 yyyy-MM-dd"},
                  {"field":"days","message":"工作日天数“five”应为整数"}]}""", response.getBody(), false);
        assertThat(response.getBody()).contains("提交的内容有误");

        ResponseEntity<String> missing = rest.getForEntity("/api/calendar/add-working-days", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JSONAssert.assertEquals("""
                {"errors":[{"field":"from","message":"请提供起始日期（格式 yyyy-MM-dd）"},{"field":"days","message":"请提供工作日天数"}]}""",
                missing.getBody(), false);

        ResponseEntity<String> tooFar = rest.getForEntity("/api/calendar/add-working-days?from=2023-09-28&days=100000", String.class);
        assertThat(tooFar.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooFar.getBody()).contains("工作日天数应在 -1000 到 1000 之间");

        ResponseEntity<String> noDate = rest.getForEntity("/api/calendar/working-day?date=", String.class);
        assertThat(noDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noDate.getBody()).contains("请提供日期");
    }

    @Test
    void needsAUser() {
        assertThat(anonymous.getForEntity("/api/calendar/working-day?date=2023-10-07", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
