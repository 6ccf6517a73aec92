package com.proposaldesk.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import com.fasterxml.jackson.databind.JsonNode;

/** Our API over HTTP Basic as one Camunda user, the way the office's browser or curl calls it. */
public final class ApiClient {

    private final TestRestTemplate rest;

    private ApiClient(TestRestTemplate rest) {
        this.rest = rest;
    }

    /** Creates the user (and the group) when missing and returns a client logged in as them. */
    public static ApiClient as(TestRestTemplate rest, IdentityService identity, String userId, String password,
            String group) {
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            Group g = identity.newGroup(group);
            g.setName(group);
            identity.saveGroup(g);
        }
        if (identity.createUserQuery().userId(userId).count() == 0) {
            User user = identity.newUser(userId);
            user.setFirstName("测试");
            user.setLastName(userId);
            user.setPassword(password);
            identity.saveUser(user);
            identity.createMembership(userId, group);
        }
        return new ApiClient(rest.withBasicAuth(userId, password));
    }

    public ResponseEntity<JsonNode> get(String path) {
        return rest.getForEntity(path, JsonNode.class);
    }

    public ResponseEntity<byte[]> download(String path) {
        return rest.getForEntity(path, byte[].class);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return rest.postForEntity(path, body, JsonNode.class);
    }

    public ResponseEntity<JsonNode> put(String path, Object body) {
        return rest.exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }

    /** A multipart upload with the file in part {@code file}. */
    public ResponseEntity<JsonNode> upload(String path, String filename, byte[] content) {
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
