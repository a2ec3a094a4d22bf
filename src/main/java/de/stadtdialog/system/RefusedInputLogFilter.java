package de.stadtdialog.system;

import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import de.stadtdialog.shared.InputRejectedException;

/**
 * The engine logs every exception that ends a command as ERROR ENGINE-16004, with a stack trace, even when a task
 * listener refused a user's input (four eyes, notice period): the user sees the message, but operators would find
 * an "error" in the log for each of them. This filter lets such entries through at debug level only. Real errors,
 * and refusals in any other logger, are untouched.
 */
@Component
class RefusedInputLogFilter extends TurboFilter {

    static final String ENGINE_CONTEXT_LOGGER = "org.camunda.bpm.engine.context";

    @EventListener(ApplicationStartedEvent.class)
    void install() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && !context.getTurboFilterList().contains(this)) {
            context.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
            Throwable thrown) {
        if (level == null || !level.isGreaterOrEqual(Level.WARN) || !ENGINE_CONTEXT_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        Throwable error = thrown != null ? thrown : lastThrowable(params);
        return InputRejectedException.in(error) != null ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    /** SLF4J passes the exception as the last argument when the message has a placeholder less. */
    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t ? t : null;
    }
}
