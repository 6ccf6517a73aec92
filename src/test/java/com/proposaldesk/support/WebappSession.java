package com.proposaldesk.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A browser logged in to Tasklist: the webapps' session cookie and CSRF token, calling the engine's REST API as
 * Tasklist does ({@code /camunda/api/engine/engine/default/...}).
 */
public final class WebappSession {

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private WebappSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Opens Tasklist's login page and logs in as the user. */
    public static WebappSession tasklist(String baseUrl, String user, String password) throws IOException, InterruptedException {
        WebappSession session = new WebappSession(baseUrl);
        session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).GET());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> login = session.send(session.modifying("/camunda/api/admin/auth/user/default/login/tasklist")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        if (login.statusCode() != 200) {
            throw new IllegalStateException("Tasklist login of " + user + " answered " + login.statusCode() + ": " + login.body());
        }
        // the login starts a new session with a new token; any page hands it out
        session.send(HttpRequest.newBuilder(URI.create(baseUrl + "/camunda/app/tasklist/default/")).GET());
        return session;
    }

    /** Submits a task's form as Tasklist does, with the variables in the engine's REST format. */
    public HttpResponse<String> submitForm(String taskId, String variablesJson) throws IOException, InterruptedException {
        return send(modifying("/camunda/api/engine/engine/default/task/" + taskId + "/submit-form")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(variablesJson)));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "application/json").GET());
    }

    /** A page as the browser opens it. */
    public HttpResponse<String> page(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET());
    }

    /** Submits a form of our pages as the browser does: the page's token is in the form, not in a header. */
    public HttpResponse<String> postForm(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", contentType)
                .header("Accept", "text/html").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A file as the browser downloads it, following a link. */
    public HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder modifying(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("X-XSRF-TOKEN", token())
                .header("Origin", baseUrl).header("Accept", "application/json");
    }

    private String token() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).reduce((first, last) -> last)
                .orElseThrow(() -> new IllegalStateException("No XSRF-TOKEN cookie from " + baseUrl));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
