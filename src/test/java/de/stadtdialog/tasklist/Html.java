package de.stadtdialog.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HTML reading for page assertions that do not depend on attribute order or quoting. */
final class Html {

    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)(\\s[^>]*)?>", Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*\"([^\"]*)\")?");

    private Html() {
    }

    record Tag(String name, Map<String, String> attributes, String source) {

        String attr(String attribute) {
            return attributes.get(attribute);
        }

        boolean has(String attribute) {
            return attributes.containsKey(attribute);
        }
    }

    static List<Tag> tags(String html, String name) {
        List<Tag> found = new ArrayList<>();
        Matcher matcher = TAG.matcher(html);
        while (matcher.find()) {
            if (matcher.group(1).equalsIgnoreCase(name)) {
                found.add(new Tag(name, attributes(matcher.group(2)), matcher.group()));
            }
        }
        return found;
    }

    /** The opening tag with this id; fails if there is none. */
    static Tag byId(String html, String id) {
        Matcher matcher = TAG.matcher(html);
        while (matcher.find()) {
            Map<String, String> attributes = attributes(matcher.group(2));
            if (id.equals(attributes.get("id"))) {
                return new Tag(matcher.group(1), attributes, matcher.group());
            }
        }
        throw new AssertionError("No element with id " + id);
    }

    /** The text between the opening tag with this id and the next closing tag of the same name. */
    static String textOf(String html, String id) {
        Tag tag = byId(html, id);
        int start = html.indexOf(tag.source()) + tag.source().length();
        int end = html.indexOf("</" + tag.name() + ">", start);
        return html.substring(start, end).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }

    /** The opening tags of the inputs (or other elements) with this name attribute. */
    static List<Tag> named(String html, String element, String name) {
        return tags(html, element).stream().filter(tag -> name.equals(tag.attr("name"))).toList();
    }

    private static Map<String, String> attributes(String source) {
        Map<String, String> attributes = new LinkedHashMap<>();
        if (source == null) {
            return attributes;
        }
        Matcher matcher = ATTRIBUTE.matcher(source.replaceAll("/$", ""));
        while (matcher.find()) {
            attributes.put(matcher.group(1), matcher.group(2) == null ? "" : unescape(matcher.group(2)));
        }
        return attributes;
    }

    private static String unescape(String value) {
        return value.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
            .replace("&amp;", "&");
    }
}
