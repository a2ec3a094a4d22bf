package de.stadtdialog.portal.internal;

import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom 1.0 feed (RFC 4287) written with the JDK's StAX writer, which escapes every text and attribute value;
 * all texts are {@code type="text"}, so no markup from an entry can reach a feed reader as HTML.
 */
final class AtomFeed {

    static final String NAMESPACE = "http://www.w3.org/2005/Atom";

    record Feed(String id, String title, String subtitle, Instant updated, String author, String selfUrl,
            String htmlUrl, String language, List<Entry> entries) {
    }

    record Entry(String id, String title, String summary, Instant published, Instant updated, String url,
            String categoryTerm, String categoryLabel) {
    }

    private AtomFeed() {
    }

    static String write(Feed feed) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("feed");
            xml.writeDefaultNamespace(NAMESPACE);
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", feed.language());
            element(xml, "id", feed.id());
            textElement(xml, "title", feed.title());
            textElement(xml, "subtitle", feed.subtitle());
            element(xml, "updated", rfc3339(feed.updated()));
            xml.writeStartElement("author");
            element(xml, "name", feed.author());
            xml.writeEndElement();
            link(xml, "self", "application/atom+xml", feed.selfUrl());
            link(xml, "alternate", "text/html", feed.htmlUrl());
            element(xml, "generator", "Stadtdialog");
            for (Entry entry : feed.entries()) {
                xml.writeStartElement("entry");
                element(xml, "id", entry.id());
                textElement(xml, "title", entry.title());
                element(xml, "published", rfc3339(entry.published()));
                element(xml, "updated", rfc3339(entry.updated()));
                link(xml, "alternate", "text/html", entry.url());
                xml.writeEmptyElement("category");
                xml.writeAttribute("term", xmlText(entry.categoryTerm()));
                xml.writeAttribute("label", xmlText(entry.categoryLabel()));
                textElement(xml, "summary", entry.summary());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Atom feed could not be written", e);
        }
        return out.toString();
    }

    /** RFC 3339 as Atom requires, in UTC, whole seconds. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Characters XML 1.0 does not allow at all (most control characters) cannot be escaped, only left out; a
     * pasted text must not make the whole feed unreadable.
     */
    static String xmlText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(AtomFeed::allowedInXml).forEach(clean::appendCodePoint);
        return clean.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
            || c >= 0x10000 && c <= 0x10FFFF;
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    private static void textElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeAttribute("type", "text");
        xml.writeCharacters(xmlText(text));
        xml.writeEndElement();
    }

    private static void link(XMLStreamWriter xml, String rel, String type, String href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("type", type);
        xml.writeAttribute("href", xmlText(href));
    }
}
