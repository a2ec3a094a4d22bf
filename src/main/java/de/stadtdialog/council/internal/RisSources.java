package de.stadtdialog.council.internal;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The council information systems (RIS) to read scheduling and results from, per municipality:
 * {@code stadtdialog.council.ris.sources.<tenant>.url} is the RIS's OParl 1.1 entry point (its {@code System}
 * object), {@code enabled} switches polling on (off by default), {@code interval} is the time between two polls
 * (default 15 minutes). Without an entry, the secretariat enters scheduling and results by hand.
 */
@ConfigurationProperties("stadtdialog.council.ris")
record RisSources(Map<String, Source> sources) {

    RisSources {
        sources = sources == null ? Map.of() : Map.copyOf(sources);
    }

    record Source(URI url, boolean enabled, Duration interval) {

        Source {
            interval = interval == null ? Duration.ofMinutes(15) : interval;
        }
    }
}
