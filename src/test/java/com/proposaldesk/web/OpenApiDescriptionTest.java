package com.proposaldesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.proposaldesk.support.ApiClient;
import com.proposaldesk.support.ProposalDeskSpringTest;

/** {@code /v3/api-docs} describes every endpoint of {@code /api}, and nothing else, behind the API's login. */
@ProposalDeskSpringTest
class OpenApiDescriptionTest {

    @Autowired
    TestRestTemplate rest;
    @Autowired
    IdentityService identity;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointIsDescribed() {
        JsonNode paths = description().get("paths");
        List<String> endpoints = apiEndpoints();
        assertThat(endpoints).as("the application's /api endpoints").hasSizeGreaterThan(20);

        List<String> missing = new ArrayList<>();
        for (String endpoint : endpoints) {
            String[] methodAndPath = endpoint.split(" ", 2);
            if (!paths.path(methodAndPath[1]).has(methodAndPath[0].toLowerCase(Locale.ROOT))) {
                missing.add(endpoint);
            }
        }
        assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
        paths.fieldNames().forEachRemaining(path -> assertThat(path).startsWith("/api/"));
    }

    @Test
    void theDescriptionIsInChineseAndNamesItsLogin() {
        JsonNode api = description();

        assertThat(api.at("/info/title").asText()).isEqualTo("提案办理台 API");
        assertThat(api.at("/paths/~1api~1board/get/summary").asText()).isEqualTo("挂图作战进度板");
        assertThat(api.at("/paths/~1api~1proposals/post/summary").asText()).isEqualTo("登记提案并启动办理流程");
        assertThat(api.at("/components/securitySchemes/basic/scheme").asText()).isEqualTo("basic");
    }

    @Test
    void theDescriptionNeedsALogin() {
        assertThat(rest.getForEntity("/v3/api-docs", String.class).getStatusCode().value()).isEqualTo(401);
        assertThat(rest.getForEntity("/v3/api-docs.yaml", String.class).getStatusCode().value()).isEqualTo(401);
    }

    private JsonNode description() {
        ResponseEntity<JsonNode> answer = ApiClient.as(rest, identity, "openapi-reader", "Wen-Dang-2025", "dept-food")
                .get("/v3/api-docs");
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        return answer.getBody();
    }

    /** {@code "<METHOD> <path>"} of every handler under {@code /api}, path variables without their patterns. */
    private List<String> apiEndpoints() {
        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach((RequestMappingInfo info) -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                assertThat(methods).as(pattern + " names its HTTP methods").isNotEmpty();
                methods.forEach(method -> endpoints.add(method.name() + " " + path));
            }
        });
        return endpoints;
    }
}
