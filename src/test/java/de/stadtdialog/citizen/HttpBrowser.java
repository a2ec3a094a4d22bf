package de.stadtdialog.citizen;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client against the running test server, for what only a real server shows (sessions in
 * the database across requests, {@code /engine-rest} and the Camunda webapps, which MockMvc does not run).
 */
final class HttpBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build();

    HttpBrowser(int port) {
        this.port = port;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url(path)).header("Accept", "text/html").build(),
            HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> getWithBasic(String path, String user, String password)
            throws IOException, InterruptedException {
        String basic = java.util.Base64.getEncoder().encodeToString((user + ":" + password)
            .getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(url(path)).header("Accept", "application/json")
            .header("Authorization", "Basic " + basic).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form of the page at {@code formPage} with its CSRF token, as a browser would. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields)
            throws IOException, InterruptedException {
        Matcher csrf = CSRF.matcher(get(formPage).body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on " + formPage);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        String body = all.entrySet().stream()
            .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(url(action))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> response = submit("/buerger/anmelden", "/buerger/anmelden",
            Map.of("username", username, "password", password));
        if (response.statusCode() != 303 || !response.headers().firstValue("Location").orElse("")
                .endsWith("/buerger/meine-daten")) {
            throw new AssertionError("Login of " + username + " failed: " + response.statusCode());
        }
        return response;
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
