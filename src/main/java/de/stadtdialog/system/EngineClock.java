package de.stadtdialog.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/** A {@link Clock} that reads Camunda's {@link ClockUtil}, so timers and our deadlines agree in tests. */
class EngineClock extends Clock {

    private final ZoneId zone;

    EngineClock() {
        this(ZoneId.of("Europe/Berlin"));
    }

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
