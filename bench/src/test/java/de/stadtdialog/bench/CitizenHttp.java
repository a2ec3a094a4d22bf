package de.stadtdialog.bench;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the benchmarks' simulated browsers share: an HTTP/1.1 client that does not follow redirects, the session
 * cookie kept by hand (so thousands of users need no thousands of clients), the CSRF token read from a page's
 * form, form encoding.
 */
public final class CitizenHttp {

    private static final Pattern CSRF = Pattern.compile(
        "name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private static final Pattern SESSION = Pattern.compile("^((?:SESSION|JSESSIONID)=[^;]+)");

    private CitizenHttp() {
    }

    public static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The session cookie the response sets, else {@code previous} (which must then exist). */
    public static String sessionCookie(HttpResponse<?> response, String previous) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher matcher = SESSION.matcher(header);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        if (previous == null) {
            throw new IllegalStateException("No session cookie from " + response.uri());
        }
        return previous;
    }

    public static String csrfToken(String html) {
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token in the page");
        }
        return token.group(1) != null ? token.group(1) : token.group(2);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
