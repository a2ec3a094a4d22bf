package de.stadtdialog.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A staff member's browser: logs in through the login form (with its CSRF token) and then requests pages over
 * real HTTP with the session cookie, timing each request from sending to the last byte of the body.
 */
final class PageLoad {

    private static final Pattern CSRF = Pattern.compile(
        "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final HttpClient client;
    private final String baseUrl;
    private final SqlCounter sql;

    private PageLoad(HttpClient client, String baseUrl, SqlCounter sql) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.sql = sql;
    }

    record Measurement(Stats stats, double statementsPerRequest, int bytes, double cpuMillisPerRequest) {
    }

    static PageLoad loggedIn(String baseUrl, String user, String password, SqlCounter sql)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login")).build(),
            HttpResponse.BodyHandlers.ofString());
        Matcher token = CSRF.matcher(form.body());
        if (form.statusCode() != 200 || !token.find()) {
            throw new IllegalStateException("No login form with CSRF token at " + baseUrl + "/login: "
                + form.statusCode());
        }
        String csrf = token.group(1) != null ? token.group(1) : token.group(2);
        String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf);
        HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        String location = login.headers().firstValue("Location").orElse("");
        if (login.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Login as " + user + " failed: " + login.statusCode() + " " + location);
        }
        return new PageLoad(client, baseUrl, sql);
    }

    /** One request, checked: the page must come with status 200 and pass {@code check}. */
    String get(String path, Predicate<String> check) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
        }
        if (!check.test(response.body())) {
            throw new IllegalStateException("GET " + path + " did not show what it should:\n"
                + response.body().substring(0, Math.min(3000, response.body().length())));
        }
        return response.body();
    }

    Measurement measure(String path, int warmup, int requests, Predicate<String> check)
            throws IOException, InterruptedException {
        for (int i = 0; i < warmup; i++) {
            get(path, check);
        }
        List<Double> millis = new ArrayList<>(requests);
        int bytes = 0;
        long statementsBefore = sql.count();
        long cpuBefore = Machine.processCpuNanos();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).build(),
                HttpResponse.BodyHandlers.ofString());
            millis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            bytes = response.body().length();
        }
        return new Measurement(Stats.of(millis), (double) (sql.count() - statementsBefore) / requests, bytes,
            (Machine.processCpuNanos() - cpuBefore) / 1e6 / requests);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
