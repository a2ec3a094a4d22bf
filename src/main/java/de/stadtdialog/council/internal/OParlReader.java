package de.stadtdialog.council.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads another system's OParl 1.1 API: objects, paginated lists (following {@code links.next}, with the
 * {@code modified_since} filter), and properties that are either an embedded object or the URL of one.
 */
@Component
class OParlReader {

    /** A runaway list (a RIS that links a page to itself) ends here. */
    private static final int MAX_PAGES = 1000;

    private final RestClient http;
    private final ObjectMapper json;

    OParlReader(RestClient.Builder builder, ObjectMapper json) {
        SimpleClientHttpRequestFactory timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(10));
        timeouts.setReadTimeout(Duration.ofSeconds(30));
        this.http = builder.clone().requestFactory(timeouts).build();
        this.json = json;
    }

    JsonNode object(URI url) {
        String body = http.get().uri(url).accept(MediaType.APPLICATION_JSON).retrieve().body(String.class);
        try {
            JsonNode node = json.readTree(body == null ? "" : body);
            if (node == null || !node.isObject()) {
                throw new IllegalStateException(url + " liefert kein JSON-Objekt");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(url + " liefert kein gültiges JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Every element of a list, page after page; with {@code modifiedSince}, only what changed since then. */
    List<JsonNode> list(URI url, Instant modifiedSince) {
        if (url == null) {
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        URI page = modifiedSince == null ? url : withParameter(url, "modified_since",
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(modifiedSince.truncatedTo(ChronoUnit.SECONDS)
                .atZone(ZoneId.of("Europe/Berlin")).toOffsetDateTime()));
        for (int pages = 0; page != null && pages < MAX_PAGES; pages++) {
            JsonNode list = object(page);
            list.path("data").forEach(elements::add);
            page = link(list.path("links"), "next");
        }
        return elements;
    }

    /** The URL in a property, or null. */
    URI link(JsonNode object, String property) {
        JsonNode value = object == null ? null : object.get(property);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : URI.create(value.asText());
    }

    /** A property holding an object, or the URL of one (fetched); null if absent. */
    JsonNode embeddedOrLinked(JsonNode object, String property) {
        JsonNode value = object.get(property);
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isTextual() ? object(URI.create(value.asText())) : value;
    }

    private static URI withParameter(URI url, String name, String value) {
        String text = url.toString();
        return URI.create(text + (text.contains("?") ? "&" : "?") + name + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
}
